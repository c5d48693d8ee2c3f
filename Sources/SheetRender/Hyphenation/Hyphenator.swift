import Foundation

/// Dictionary hyphenation for the languages that have a libhyphen pattern file installed
/// (Debian's `hyphen-*` packages put them in `/usr/share/hyphen` as `hyph_ll_CC.dic`).
///
/// `softHyphenOffsets(in:language:)` says where soft hyphens (U+00AD) go in a paragraph; Pango
/// then may break a line there and draws a hyphen when it does, and draws nothing when it does
/// not. Languages without a dictionary get no soft hyphens and keep Pango's own rules.
///
/// Thread-safe: each dictionary file is loaded once for the life of the process, the first time
/// a language needs it, and only read after that.
final class Hyphenator: @unchecked Sendable {
    // @unchecked: `slots` and `resolved` are only touched under `lock`, and each slot's
    // dictionary under the slot's own lock; the dictionaries themselves are read-only.
    private let lock = NSLock()
    private var slots: [String: Slot] = [:]
    private var resolved: [String: HyphenationDictionary?] = [:]
    private let directories: [String]

    /// One dictionary file, loaded at most once. Its own lock lets other threads go on with
    /// dictionaries already loaded while a large one (German takes libhyphen seconds) loads.
    private final class Slot: @unchecked Sendable {
        // @unchecked: `loaded` is only touched under `lock`.
        let lock = NSLock()
        /// nil until tried; then the dictionary, or nil inside when it could not be loaded.
        var loaded: HyphenationDictionary??
    }

    /// The process-wide hyphenator every `TextEngine` uses, so that each dictionary loads once.
    static let shared = Hyphenator()

    /// Where the dictionaries are looked for, in order.
    static let standardDirectories = ["/usr/share/hyphen", "/usr/local/share/hyphen", "/opt/homebrew/share/hyphen"]

    /// The region each language's dictionary defaults to when the tag names none, or names one
    /// without a dictionary of its own (the CLDR likely region). Languages not listed try a
    /// file named after the language alone (`hyph_xx.dic`).
    static let defaultRegions: [String: String] = [
        "af": "ZA", "be": "BY", "bg": "BG", "ca": "ES", "cs": "CZ", "da": "DK", "de": "DE", "el": "GR",
        "en": "US", "es": "ES", "et": "EE", "fr": "FR", "gl": "ES", "hr": "HR", "hu": "HU", "id": "ID",
        "is": "IS", "it": "IT", "lt": "LT", "lv": "LV", "nb": "NO", "nl": "NL", "nn": "NO", "pl": "PL",
        "pt": "BR", "ro": "RO", "ru": "RU", "sk": "SK", "sl": "SI", "sr": "RS", "sv": "SE", "uk": "UA",
        "zu": "ZA",
    ]

    /// Languages whose dictionary is filed under another code: Norwegian under Bokmål.
    static let languageAliases = ["no": "nb"]

    /// Text this large, in points, is not hyphenated: titles, big figures and other display
    /// text, where a hyphen stands out more than a ragged line.
    static let displaySize = 14.0
    /// The most lines in a row that may end with a hyphen (see `SoftHyphenFitting`).
    static let maximumConsecutiveHyphens = 2
    /// Words shorter than this many letters are never hyphenated.
    static let minimumWordLength = 6
    /// The fewest letters kept before and after a hyphen, whatever the dictionary allows.
    static let minimumLeft = 2
    static let minimumRight = 3

    init(directories: [String] = Hyphenator.standardDirectories) {
        self.directories = directories
    }

    /// The dictionary for a BCP 47 tag: the tag's own region (`pt-BR` → `hyph_pt_BR.dic`), else
    /// the language's default region (`de` → `hyph_de_DE.dic`), else the language alone
    /// (`hyph_fr.dic`). Nil when none is installed or the tag is not well-formed.
    func dictionary(for tag: String) -> HyphenationDictionary? {
        lock.lock()
        let cached = resolved[tag]
        lock.unlock()
        if let cached { return cached }
        var found: HyphenationDictionary?
        for name in Self.candidateNames(for: tag) {
            if let dictionary = load(name) {
                found = dictionary
                break
            }
        }
        lock.lock()
        resolved[tag] = found
        lock.unlock()
        return found
    }

    /// The file names to try for `tag`, best first: `hyph_pt_BR.dic`, `hyph_pt.dic`, …
    static func candidateNames(for tag: String) -> [String] {
        let subtags = tag.split(whereSeparator: { $0 == "-" || $0 == "_" }).map(String.init)
        guard let first = subtags.first, (2...3).contains(first.count), first.allSatisfy(\.isASCIILetter) else { return [] }
        let requested = first.lowercased()
        let language = languageAliases[requested] ?? requested
        // The region is a two-letter or three-digit subtag after the language and any script,
        // before variants and extensions; only letters make a file name.
        var region: String?
        for subtag in subtags.dropFirst() {
            if subtag.count == 1 { break }  // an extension or private-use singleton
            if subtag.count == 4, subtag.allSatisfy(\.isASCIILetter) { continue }  // a script
            if subtag.count == 2, subtag.allSatisfy(\.isASCIILetter) { region = subtag.uppercased() }
            break
        }
        var names: [String] = []
        func add(_ name: String) { if !names.contains(name) { names.append(name) } }
        if let region { add("hyph_\(language)_\(region).dic") }
        if let fallback = defaultRegions[language] { add("hyph_\(language)_\(fallback).dic") }
        add("hyph_\(language).dic")
        return names
    }

    /// The dictionary in the file `name`, from the first directory that has it; loaded once.
    private func load(_ name: String) -> HyphenationDictionary? {
        lock.lock()
        let slot = slots[name] ?? Slot()
        slots[name] = slot
        lock.unlock()

        slot.lock.lock()
        defer { slot.lock.unlock() }
        if let loaded = slot.loaded { return loaded }
        var dictionary: HyphenationDictionary?
        for directory in directories {
            let path = directory + "/" + name
            guard FileManager.default.fileExists(atPath: path) else { continue }
            dictionary = HyphenationDictionary(path: path)
            break
        }
        slot.loaded = .some(dictionary)
        return dictionary
    }

    /// The byte offsets in `utf8` (a paragraph's text) where soft hyphens go for `language`, in
    /// increasing order; each offset is the start of the letter a hyphen would precede. Empty
    /// when the language has no dictionary.
    func softHyphenOffsets(in utf8: [UInt8], language: String) -> [Int] {
        guard let dictionary = dictionary(for: language) else { return [] }
        let left = max(Self.minimumLeft, dictionary.leftMinimum)
        let right = max(Self.minimumRight, dictionary.rightMinimum)
        var offsets: [Int] = []
        for word in HyphenationCandidates.words(in: utf8, minimumLength: max(Self.minimumWordLength, left + right)) {
            let breaks = dictionary.breaks(in: word.lowercased)
            guard breaks.count == word.scalars.count else { continue }
            // A break after scalar `index` keeps index + 1 letters before it.
            for index in (left - 1)..<(word.scalars.count - right) where breaks[index] {
                // Never between a letter and a combining mark that belongs to it.
                guard !HyphenationCandidates.isMark(word.scalars[index + 1].scalar) else { continue }
                offsets.append(word.scalars[index + 1].offset)
            }
        }
        return offsets
    }
}

private extension Character {
    var isASCIILetter: Bool { isASCII && isLetter }
}
