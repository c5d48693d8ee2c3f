import CICU

/// A CLDR plural category: which form of a word a count takes in a language.
public enum PluralCategory: String, Sendable, Hashable, CaseIterable, Comparable {
    case zero, one, two, few, many, other

    public static func < (lhs: PluralCategory, rhs: PluralCategory) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }
}

/// A language's plural rules, as ICU has them from CLDR (`uplrules_select`): English and
/// German say `1 member`, `2 members`; French puts 0 and 1 in `one`; Japanese has one form for
/// every count; Arabic has six (`zero`, `one`, `two`, `few` for 3–10, `many` for 11–99,
/// `other`). Debian's ICU rather than rules of our own: it has every language's, kept up to
/// date with CLDR, and Foundation offers no plural selection of its own on Linux.
///
/// ICU's `select` does not change the rules object, so one value may be used from any thread.
public final class PluralRules: @unchecked Sendable {
    public let language: String
    /// The categories the language uses, `other` always among them.
    public let categories: Set<PluralCategory>
    private let rules: UnsafeMutableRawPointer?

    /// The rules of `language` (a BCP 47 tag); ICU falls back to the root rules (`other` for
    /// everything) for a language it does not know.
    public init(language: String) {
        self.language = language
        var ok: Int32 = 0
        let opened = profilesheet_plural_rules_open(language.replacingOccurrences(of: "-", with: "_"), &ok)
        rules = ok == 1 ? opened : nil
        var found: Set<PluralCategory> = [.other]
        if let rules {
            var buffer = [CChar](repeating: 0, count: 128)
            let length = profilesheet_plural_rules_keywords(rules, &buffer, Int32(buffer.count))
            if length > 0 {
                let names = String(decoding: buffer[0..<Int(length)].map { UInt8(bitPattern: $0) }, as: UTF8.self)
                for name in names.split(separator: " ") {
                    if let category = PluralCategory(rawValue: String(name)) { found.insert(category) }
                }
            }
        }
        categories = found
    }

    deinit {
        if let rules { profilesheet_plural_rules_close(rules) }
    }

    /// The category `count` falls in.
    public func category(for count: Int) -> PluralCategory {
        guard let rules else { return .other }
        var buffer = [CChar](repeating: 0, count: 16)
        let length = profilesheet_plural_rules_select(rules, Double(count), &buffer, Int32(buffer.count))
        guard length > 0 else { return .other }
        return PluralCategory(rawValue: String(decoding: buffer[0..<Int(length)].map { UInt8(bitPattern: $0) }, as: UTF8.self)) ?? .other
    }
}
