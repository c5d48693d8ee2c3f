import SheetCore

/// Finds personal data in a survey answer, so that it is never published and never quoted.
///
/// Our own code, because what it must catch and, as much, what it must let through is
/// specific: survey answers are mostly tool names, numbers, years and short texts, and a
/// false positive silently drops a legitimate answer. It scans the answer's Unicode scalars
/// once per kind; no regular expression, no allocation beyond the scalar array.
///
/// It catches, anywhere in the text:
/// - **e-mail addresses**: `local@domain.tld`, the top-level domain two letters or more
///   (`jane.doe+survey@uni.example.org`, also a Mastodon handle `@jane@social.example`);
/// - **phone numbers**: a run of digits with spaces, `-`, `.`, `/` or parentheses holding 8–15
///   digits after a leading `+` (`+44 20 7946 0958`), or 9–15 digits in groups without one
///   (`(555) 013-4567`, `555-013-4567`), or 10–15 digits in one (`5550134567`); not next to a
///   letter, `:`, `,`, `%` or a currency sign;
/// - **IPv4 addresses**: four dot-separated numbers 0–255 with seven digits or more
///   (`198.51.100.11`);
/// - **URLs that point at a person or carry data**: `http(s)://` or `www.` URLs with a user
///   (`https://jane@host`), a query string (`?id=…`), a path segment starting with `~` or `@`,
///   a first segment such as `users`, `people`, `profile`, `in`, `u` followed by another, or any
///   path on a host of personal pages (github.com, gitlab.com, twitter.com, x.com,
///   linkedin.com, facebook.com, instagram.com, orcid.org, bsky.app), also written without
///   the scheme (`github.com/jdoe`);
/// - **values of the columns the mapping declares `personal`**: an answer equal to such a value
///   (ignoring case and repeated spaces), or containing one of two words or more as whole words
///   (`Jane Doe` in `ask Jane Doe`).
///
/// It deliberately lets through: tool and project names (`Node.js`, `R`, `scikit-learn`,
/// `GitHub`, `github.com` without a path, `https://zenodo.org`, `https://example.org/docs`),
/// version numbers (`3.10.12`, `1.2.3.4`), years and year ranges (`2019-2025`, `2019 2020 2021`),
/// dates and times (`2025-10-02 10:07:13`), numbers (`1,200`, `3400000`, `1234.5`, `12 000`),
/// percentages, money, DOIs and ids inside words (`R_E984714850D30F0`). It does not catch
/// personal names that no declared column holds, a single-word value of a declared column
/// inside a longer answer (`Julia` in `Julia and Python`: equal answers only, since a first
/// name is often also a tool's), phone numbers of fewer digits than above, e-mail addresses
/// written around (`jane at example dot org`), bare handles (`@jane`), postal addresses and
/// IPv6 addresses; `min_cell` keeps what a single respondent wrote off the sheet anyway.
public struct PersonalDataDetector: Sendable {
    /// Folded values of the declared personal columns, for equality.
    private var values: Set<String> = []
    /// Declared values of two words or more, as folded words, by their first word.
    private var phrases: [String: [[String]]] = [:]

    public init() {}

    /// Adds a cell of a column the mapping declares personal. Values of fewer than two letters
    /// or digits, and numbers, are not kept: they would match ordinary answers.
    public mutating func addPersonalValue(_ text: String) {
        let folded = SurveyText.folded(text)
        let significant = folded.unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) }
        guard significant.count >= 2, significant.contains(where: { $0.properties.isAlphabetic }) else { return }
        guard values.insert(folded).inserted else { return }
        let words = Self.words(folded)
        if words.count >= 2 { phrases[words[0], default: []].append(words) }
    }

    public var hasPersonalValues: Bool { !values.isEmpty }

    /// The first kind of personal data found in `text`, or nil.
    public func kind(of text: String) -> PersonalDataKind? {
        let scalars = Array(text.unicodeScalars)
        if Self.containsPersonalURL(text) { return .url }
        if Self.containsEmail(scalars) { return .email }
        if Self.containsIPAddress(scalars) { return .ipAddress }
        if Self.containsPhone(scalars) { return .phone }
        if matchesPersonalValue(text) { return .personalColumn }
        return nil
    }

    /// `'text'`, or `<redacted: e-mail>` when the text looks personal: how a diagnostic quotes
    /// an answer.
    public func quoted(_ text: String) -> String {
        kind(of: text).map(\.redacted) ?? "'\(text)'"
    }

    // MARK: - Declared values

    private func matchesPersonalValue(_ text: String) -> Bool {
        guard !values.isEmpty else { return false }
        let folded = SurveyText.folded(text)
        if values.contains(folded) { return true }
        guard !phrases.isEmpty else { return false }
        let words = Self.words(folded)
        for start in words.indices {
            guard let candidates = phrases[words[start]] else { continue }
            for phrase in candidates where start + phrase.count <= words.count {
                if Array(words[start..<(start + phrase.count)]) == phrase { return true }
            }
        }
        return false
    }

    static func words(_ folded: String) -> [String] {
        folded.split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
    }

    // MARK: - E-mail

    static func isLocalPart(_ s: Unicode.Scalar) -> Bool {
        isASCIIAlphanumeric(s) || "._%+-'".unicodeScalars.contains(s) || (!s.isASCII && s.properties.isAlphabetic)
    }

    static func isDomainPart(_ s: Unicode.Scalar) -> Bool {
        isASCIIAlphanumeric(s) || s == "-" || s == "." || (!s.isASCII && s.properties.isAlphabetic)
    }

    static func isASCIIAlphanumeric(_ s: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(s) || ("A"..."Z").contains(s) || ("0"..."9").contains(s)
    }

    static func containsEmail(_ scalars: [Unicode.Scalar]) -> Bool {
        for (at, scalar) in scalars.enumerated() where scalar == "@" {
            var start = at
            while start > 0, isLocalPart(scalars[start - 1]) { start -= 1 }
            let local = scalars[start..<at].drop(while: { $0 == "." })
            guard local.contains(where: { isASCIIAlphanumeric($0) || $0.properties.isAlphabetic }) else { continue }
            var end = at + 1
            while end < scalars.count, isDomainPart(scalars[end]) { end += 1 }
            var domain = Array(scalars[(at + 1)..<end])
            while let last = domain.last, last == "." || last == "-" { domain.removeLast() }
            let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
            guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty }), let top = labels.last,
                  top.count >= 2, top.allSatisfy({ $0.properties.isAlphabetic }) else { continue }
            return true
        }
        return false
    }

    // MARK: - URLs

    static let personalHosts: Set<String> = [
        "github.com", "gitlab.com", "twitter.com", "x.com", "linkedin.com", "facebook.com", "instagram.com", "orcid.org", "bsky.app",
    ]
    static let userPathWords: Set<String> = ["user", "users", "u", "people", "person", "profile", "profiles", "member", "members", "in", "author", "authors"]

    static func containsPersonalURL(_ text: String) -> Bool {
        for word in text.split(whereSeparator: { $0.isWhitespace || "<>\"'()[]{}".contains($0) }) {
            var candidate = Substring(word)
            while let last = candidate.last, ".,;:!?".contains(last) { candidate = candidate.dropLast() }
            let lower = candidate.lowercased()
            var rest: Substring
            if let range = lower.range(of: "://"), ["http", "https"].contains(String(lower[..<range.lowerBound])) {
                rest = Substring(lower[range.upperBound...])
            } else if lower.hasPrefix("www.") {
                rest = Substring(lower)
            } else if personalHosts.contains(where: { lower.hasPrefix($0 + "/") || lower.hasPrefix("www." + $0 + "/") }) {
                rest = Substring(lower)
            } else {
                continue
            }
            if isPersonal(urlRest: rest) { return true }
        }
        return false
    }

    /// `rest`: the lowercased URL after `scheme://`.
    static func isPersonal(urlRest rest: Substring) -> Bool {
        let authorityEnd = rest.firstIndex(where: { "/?#".contains($0) }) ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        if authority.contains("@") { return true }
        var host = authority.split(separator: ":").first.map(String.init) ?? ""
        if host.hasPrefix("www.") { host.removeFirst(4) }
        let afterAuthority = rest[authorityEnd...]
        let beforeFragment = afterAuthority.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        let parts = beforeFragment.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        if parts.count == 2, !parts[1].isEmpty { return true }
        let segments = (parts.first ?? "").split(separator: "/").filter { !$0.isEmpty }
        if segments.contains(where: { $0.hasPrefix("~") || $0.hasPrefix("@") }) { return true }
        if segments.count >= 2, userPathWords.contains(String(segments[0])) { return true }
        if !segments.isEmpty, personalHosts.contains(host) { return true }
        return false
    }

    // MARK: - Numbers: IP addresses and phone numbers

    static func isDigit(_ s: Unicode.Scalar) -> Bool { ("0"..."9").contains(s) }

    /// Whether the scalar next to a run of digits makes the run part of something else: a
    /// word or id, a time, a grouped number, a percentage or an amount.
    static func joinsRun(_ s: Unicode.Scalar) -> Bool {
        s.properties.isAlphabetic || isDigit(s) || ":,%_€$£¥".unicodeScalars.contains(s)
    }

    static func containsIPAddress(_ scalars: [Unicode.Scalar]) -> Bool {
        var index = 0
        while index < scalars.count {
            guard isDigit(scalars[index]) else { index += 1; continue }
            var end = index
            while end < scalars.count, isDigit(scalars[end]) || scalars[end] == "." { end += 1 }
            var run = Array(scalars[index..<end])
            while run.last == "." { run.removeLast() }
            let before = index > 0 ? scalars[index - 1] : " "
            let after = index + run.count < scalars.count ? scalars[index + run.count] : " "
            defer { index = end }
            guard !joinsRun(before), before != ".", !joinsRun(after) else { continue }
            let groups = run.split(separator: ".", omittingEmptySubsequences: false)
            guard groups.count == 4, groups.allSatisfy({ !$0.isEmpty && $0.count <= 3 && !($0.count > 1 && $0.first == "0") }),
                  groups.allSatisfy({ (Int(String(String.UnicodeScalarView($0))) ?? 256) <= 255 }),
                  groups.reduce(0, { $0 + $1.count }) >= 7 else { continue }
            return true
        }
        return false
    }

    static func isPhonePart(_ s: Unicode.Scalar) -> Bool {
        isDigit(s) || " -./()+\u{00A0}\u{2010}\u{2011}".unicodeScalars.contains(s)
    }

    static func containsPhone(_ scalars: [Unicode.Scalar]) -> Bool {
        var index = 0
        while index < scalars.count {
            guard isDigit(scalars[index]) || scalars[index] == "+" || scalars[index] == "(" else { index += 1; continue }
            var end = index
            while end < scalars.count, isPhonePart(scalars[end]) { end += 1 }
            // What stands before the run, past spaces: a currency sign makes it an amount.
            var previous = index - 1
            while previous >= 0, scalars[previous] == " " || scalars[previous] == "\u{00A0}" { previous -= 1 }
            let before = index > 0 ? scalars[index - 1] : " "
            let beforeSpaces = previous >= 0 ? scalars[previous] : " "
            var run = Array(scalars[index..<end])
            defer { index = end }
            while let last = run.last, !isDigit(last) { run.removeLast() }
            let after = index + run.count < scalars.count ? scalars[index + run.count] : " "
            guard !joinsRun(before), !"€$£¥".unicodeScalars.contains(beforeSpaces), !joinsRun(after), isPhone(run) else { continue }
            return true
        }
        return false
    }

    static func isPhone(_ run: [Unicode.Scalar]) -> Bool {
        let groups = run.split(whereSeparator: { !isDigit($0) }).map { String(String.UnicodeScalarView($0)) }
        let digits = groups.reduce(0) { $0 + $1.count }
        let international = run.drop(while: { $0 == "(" }).first == "+"
        guard (international ? 8 : 9)...15 ~= digits else { return false }
        // One group of digits alone: ten or more, as a number written without spaces has fewer.
        if !international, groups.count == 1, digits < 10 { return false }
        // A '+' anywhere but the front is not a phone number's.
        if run.dropFirst().contains("+") && !international { return false }
        if !international {
            // A plain number, with one decimal point or comma.
            let separators = run.filter { !isDigit($0) }
            if separators.count <= 1, separators.allSatisfy({ $0 == "." }) && groups.count == 2 { return false }
            // Thousands grouped with spaces: 12 000 000.
            if groups.count >= 2, groups[0].count <= 3, groups.dropFirst().allSatisfy({ $0.count == 3 }),
               separators.allSatisfy({ $0 == " " || $0 == "\u{00A0}" }) { return false }
            // Years: 2019 2020 2021, 2019-2021-2023.
            if groups.allSatisfy({ $0.count == 4 && (1900...2099).contains(Int($0) ?? 0) }) { return false }
        }
        return true
    }

    // MARK: - Headers

    /// Words in a header that say the column holds data about a person. `name` counts only
    /// with a word that makes it a person's (`Your name`, `Recipient First Name`, `Name`).
    static let personalHeaderWords: Set<String> = [
        "email", "e-mail", "mail", "phone", "telephone", "mobile", "ip", "ipaddress", "latitude", "longitude", "surname", "orcid",
        "linkedin", "twitter", "birthday", "birth",
    ]
    static let personNameWords: Set<String> = ["your", "first", "last", "full", "given", "family", "recipient", "respondent", "my", "contact"]

    /// Whether a column's header (or a Qualtrics question text) says it holds personal data:
    /// `Email Address`, `Your name (optional)`, `RecipientFirstName`, `IPAddress`,
    /// `LocationLatitude`; not `Community name` or `Which tools do you use?`.
    public static func headerLooksPersonal(_ header: String) -> Bool {
        let words = headerWords(header)
        if words.contains(where: personalHeaderWords.contains) { return true }
        if words.contains("name") || words.contains("names") {
            return words.count == 1 || words.contains(where: personNameWords.contains)
        }
        return false
    }

    /// Lowercased words of a header, camelCase split: `RecipientFirstName` → recipient, first, name.
    static func headerWords(_ header: String) -> [String] {
        var words: [String] = []
        var current = ""
        var previousLower = false
        for character in header {
            if character.isLetter || character.isNumber || character == "-" {
                if character.isUppercase, previousLower, !current.isEmpty {
                    words.append(current.lowercased())
                    current = ""
                }
                current.append(character)
                previousLower = character.isLowercase
            } else {
                if !current.isEmpty { words.append(current.lowercased()) }
                current = ""
                previousLower = false
            }
        }
        if !current.isEmpty { words.append(current.lowercased()) }
        // "IPAddress": an acronym run before a capitalised word.
        return words.flatMap { $0 == "ipaddress" ? ["ip", "address"] : [$0] }
    }
}
