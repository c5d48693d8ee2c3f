import CHyphen
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One libhyphen pattern dictionary (a LibreOffice `hyph_*.dic` file), loaded as UTF-8.
///
/// libhyphen takes words in the dictionary's own encoding, named on the file's first line
/// (`UTF-8`, `ISO8859-1`, `ISO8859-2`, `KOI8-R`, …). A dictionary in any other encoding is
/// converted to UTF-8 with iconv when it loads, so that every word goes in as UTF-8 and every
/// hyphenation point comes back as a Unicode scalar position.
///
/// Read-only once loaded: `hnj_hyphen_hyphenate2` only reads the dictionary (its scratch
/// buffers are per call), so one instance serves every thread.
final class HyphenationDictionary: @unchecked Sendable {
    // @unchecked: `dictionary` is written once, in `init`, and only read afterwards.
    private let dictionary: UnsafeMutablePointer<HyphenDict>

    /// The fewest characters the dictionary leaves before and after a break.
    let leftMinimum: Int
    let rightMinimum: Int

    /// Loads the dictionary at `path`; nil when it cannot be read, names an encoding iconv does
    /// not know, does not convert cleanly, or libhyphen refuses it.
    init?(path: String) {
        guard let data = FileManager.default.contents(atPath: path),
              let utf8 = Self.utf8Patterns(Array(data)),
              let dictionary = Self.load(utf8)
        else { return nil }
        self.dictionary = dictionary
        leftMinimum = max(Int(dictionary.pointee.lhmin), 1)
        rightMinimum = max(Int(dictionary.pointee.rhmin), 1)
    }

    deinit { hnj_hyphen_free(dictionary) }

    /// Where `word` (lower-case UTF-8, no NUL) may break: for each Unicode scalar, whether a
    /// hyphen may follow it. Non-standard breaks (ones that change the spelling, such as
    /// Catalan "l·l" → "l-l") are left out: a soft hyphen cannot express them.
    func breaks(in word: [UInt8]) -> [Bool] {
        let scalars = word.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
        guard !word.isEmpty, word.count < Int(Int32.max) / 2 else { return Array(repeating: false, count: scalars) }
        // libhyphen writes up to word_size + 3 entries and searches the word with `strstr`, so
        // the word is NUL-terminated and the result buffer has room to spare.
        let text = word.map { CChar(bitPattern: $0) } + [0]
        var hyphens = [CChar](repeating: 0, count: word.count + 5)
        var replacements: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
        var positions: UnsafeMutablePointer<Int32>?
        var cuts: UnsafeMutablePointer<Int32>?
        let failed = hnj_hyphen_hyphenate2(dictionary, text, Int32(word.count), &hyphens, nil, &replacements, &positions, &cuts)
        defer {
            if let replacements {
                for index in 0..<word.count { free(replacements[index]) }
                free(replacements)
            }
            free(positions)
            free(cuts)
        }
        guard failed == 0 else { return Array(repeating: false, count: scalars) }
        // UTF-8 results are per scalar: an odd digit after scalar i allows a break there.
        return (0..<scalars).map { index in
            let nonStandard = replacements.map { $0[index] != nil } ?? false
            return UInt8(bitPattern: hyphens[index]) & 1 == 1 && !nonStandard
        }
    }

    /// The pattern file as UTF-8 with a `UTF-8` first line; nil when it cannot be converted.
    private static func utf8Patterns(_ bytes: [UInt8]) -> [UInt8]? {
        let firstLineEnd = bytes.firstIndex { $0 == 0x0A || $0 == 0x0D } ?? bytes.endIndex
        let charset = String(decoding: bytes[..<firstLineEnd], as: UTF8.self).trimmingCharacters(in: .whitespaces)
        let body = bytes[firstLineEnd...]
        guard !charset.isEmpty, charset.utf8.allSatisfy({ $0 < 0x80 }), !body.contains(0) else { return nil }
        if charset.uppercased() == "UTF-8" { return bytes }
        guard let converted = convert(Array(body), from: charset) else { return nil }
        return Array("UTF-8".utf8) + converted
    }

    /// `bytes` converted from `charset` to UTF-8 with iconv; nil when iconv does not know the
    /// encoding or meets a byte sequence that is invalid in it.
    private static func convert(_ bytes: [UInt8], from charset: String) -> [UInt8]? {
        let converter = iconv_open("UTF-8", charset)
        guard let converter, Int(bitPattern: converter) != -1 else { return nil }
        defer { iconv_close(converter) }
        // Every single-byte and double-byte encoding grows to at most four bytes a character.
        var output = [UInt8](repeating: 0, count: bytes.count * 4 + 4)
        var input = bytes
        let written: Int? = input.withUnsafeMutableBytes { inBuffer in
            output.withUnsafeMutableBytes { outBuffer in
                var inPointer = inBuffer.baseAddress?.assumingMemoryBound(to: CChar.self)
                var inLeft = inBuffer.count
                var outPointer = outBuffer.baseAddress?.assumingMemoryBound(to: CChar.self)
                var outLeft = outBuffer.count
                guard iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft) != -1, inLeft == 0 else { return nil }
                return outBuffer.count - outLeft
            }
        }
        guard let written else { return nil }
        return Array(output[..<written])
    }

    /// Hands the UTF-8 patterns to libhyphen through an in-memory stream.
    private static func load(_ patterns: [UInt8]) -> UnsafeMutablePointer<HyphenDict>? {
        var buffer = patterns
        return buffer.withUnsafeMutableBytes { bytes -> UnsafeMutablePointer<HyphenDict>? in
            guard let base = bytes.baseAddress, let stream = fmemopen(base, bytes.count, "r") else { return nil }
            defer { fclose(stream) }
            return hnj_hyphen_load_file(stream)
        }
    }
}
