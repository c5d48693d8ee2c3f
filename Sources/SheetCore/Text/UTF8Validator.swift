/// Checks that a stream of bytes is well-formed UTF-8 (Unicode 15, table 3-7: no overlong
/// forms, no surrogates, nothing above U+10FFFF) and remembers the first offending byte: the
/// byte that starts a sequence which breaks off, or a byte that can start none.
///
/// The one validator of the project: profile, taxonomy and template files are checked whole
/// (`TextDecoding`), survey cells a byte at a time as the CSV scanner meets them
/// (`CSVScanner`), so it takes one byte at a time and can be told where a piece ends. Written
/// here because Swift's `String(validating:)` says only whether bytes are valid, not where
/// they are not, and the diagnostics name the byte and its offset. Inlinable, as the CSV
/// scanner feeds it every byte of an export from another module.
public struct UTF8Validator: Sendable {
    /// Offset and value of the first byte that is not part of well-formed UTF-8, once found.
    @inlinable public var firstInvalid: (offset: Int, byte: UInt8)? { invalid }
    @usableFromInline var invalid: (offset: Int, byte: UInt8)?
    @usableFromInline var expected = 0
    @usableFromInline var lower: UInt8 = 0x80
    @usableFromInline var upper: UInt8 = 0xBF
    @usableFromInline var sequenceStart = 0
    @usableFromInline var sequenceByte: UInt8 = 0

    public init() {}

    /// Whether nothing invalid has been seen.
    @inlinable public var isValid: Bool { invalid == nil }

    /// The next byte, at `offset` in whatever the caller counts offsets in.
    @inlinable
    public mutating func feed(_ byte: UInt8, at offset: Int) {
        guard invalid == nil else { return }
        if expected > 0 {
            if byte >= lower && byte <= upper {
                expected -= 1
                lower = 0x80
                upper = 0xBF
                return
            }
            // The sequence broke off: the byte that started it is the offender.
            invalid = (sequenceStart, sequenceByte)
            return
        }
        // ASCII, the common case, touches nothing else.
        if byte < 0x80 { return }
        sequenceStart = offset
        sequenceByte = byte
        lower = 0x80
        upper = 0xBF
        switch byte {
        case 0xC2...0xDF: expected = 1
        case 0xE0: expected = 2; lower = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: expected = 2
        case 0xED: expected = 2; upper = 0x9F
        case 0xF0: expected = 3; lower = 0x90
        case 0xF1...0xF3: expected = 3
        case 0xF4: expected = 3; upper = 0x8F
        default: invalid = (offset, byte)
        }
    }

    /// The end of a piece (a cell, a file): a sequence still open there is invalid.
    @inlinable
    public mutating func finish() {
        if invalid == nil, expected > 0 { invalid = (sequenceStart, sequenceByte) }
    }

    /// The offset of the first byte of `bytes[start...]` that is not well-formed UTF-8, counted
    /// from the start of `bytes`; nil when all are.
    public static func firstInvalidOffset(in bytes: [UInt8], from start: Int = 0) -> Int? {
        var validator = UTF8Validator()
        var index = start
        while index < bytes.count, validator.isValid {
            validator.feed(bytes[index], at: index)
            index += 1
        }
        validator.finish()
        return validator.firstInvalid?.offset
    }
}
