import Foundation
import SheetCore

/// A strict RFC 4180 reader of survey exports, written for this project because the packages
/// available to it are not strict enough: SwiftCSV 0.10.0 and CSV.swift 2.5.2 both swallow the
/// rest of a file into one cell after an unterminated quote, both accept rows with the wrong
/// number of cells without a word, they keep one of two duplicate headers silently, and
/// CSV.swift drops a character of `"ab"cd` (see the working group's known-hazards notes). The
/// survey contract needs every one of those to be an error that names the row and column.
///
/// It also reads only what it is asked to keep: the scanner walks every byte to find cell
/// boundaries and check the encoding, but it builds a `String` only for the cells of the
/// columns a mapping names. Answers in other columns (names, e-mail addresses, comments) are
/// never copied out of the file's bytes.
///
/// The rules:
/// - UTF-8, with or without a byte-order mark. Any byte that is not part of well-formed UTF-8
///   is reported with its row, column and offset.
/// - Records end at CR LF, LF or CR. A quoted cell may hold the delimiter, line breaks (kept as
///   LF) and quotes written twice (`""`).
/// - A quote inside an unquoted cell, text after a closing quote, or a quote that is never
///   closed stops the reading with an error: the rows after it cannot be trusted.
/// - Line breaks at the very end of the file are not rows. An empty line anywhere else is a row
///   of one empty cell (and so an error in a file of several columns).
public struct CSVScanner: Sendable {
    /// Why a file cannot be read past some point.
    public enum Failure: Error, Sendable, Hashable {
        /// A quote opened at `line` in cell `column` of the record starting on `row` never closes.
        case unterminatedQuote(row: Int, column: Int, line: Int)
        /// A `"` inside a cell that does not start with one.
        case strayQuote(row: Int, column: Int)
        /// Something other than a delimiter or line break right after a closing quote.
        case textAfterQuote(row: Int, column: Int)
    }

    /// A byte that is not UTF-8: where it is, for the error message.
    public struct InvalidByte: Sendable, Hashable {
        public var row: Int
        public var column: Int
        /// 0-based offset in the file, counting a byte-order mark.
        public var offset: Int
        public var byte: UInt8
    }

    /// One record: the line it starts on, how many cells it has, and the text of the kept ones.
    public struct Record: Sendable, Hashable {
        /// 1-based line on which the record starts, as an editor shows it.
        public var row: Int
        public var cellCount: Int
        /// Kept cells by 0-based column index. Cells of other columns are never decoded.
        public var cells: [Int: String]
        /// The first byte of the record that is not UTF-8, if any.
        public var invalidByte: InvalidByte?
        /// How many cells start with `{"ImportId"`: the third header row of a Qualtrics export.
        public var importIDCells: Int
    }

    public static let quote = UInt8(ascii: "\"")
    static let cr = UInt8(ascii: "\r")
    static let lf = UInt8(ascii: "\n")
    static let importIDPrefix = Array(#"{"ImportId""#.utf8)

    private let bytes: [UInt8]
    private let delimiter: UInt8
    private var position: Int
    private var line = 1

    /// `delimiter` must be one ASCII byte other than a quote or a line break.
    public init(bytes: [UInt8], delimiter: UInt8) {
        precondition(delimiter < 0x80 && delimiter != Self.quote && delimiter != Self.cr && delimiter != Self.lf)
        self.bytes = bytes
        self.delimiter = delimiter
        self.position = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    }

    /// True when the file starts with a UTF-8 byte-order mark.
    public var hasByteOrderMark: Bool { bytes.starts(with: [0xEF, 0xBB, 0xBF]) }

    /// The next record, keeping the cells whose 0-based index `keep` accepts; nil at the end.
    public mutating func next(keeping keep: (Int) -> Bool) -> Result<Record?, Failure> {
        if atEnd { return .success(nil) }
        let row = line
        var cells: [Int: String] = [:]
        var column = 0
        var invalid: InvalidByte?
        var importIDCells = 0
        while true {
            let kept = keep(column)
            var buffer: [UInt8] = []
            var prefix: [UInt8] = []
            var cellInvalid: (offset: Int, byte: UInt8)?
            func take(_ byte: UInt8) {
                if kept { buffer.append(byte) }
                if prefix.count < Self.importIDPrefix.count { prefix.append(byte) }
            }
            if position < bytes.count, bytes[position] == Self.quote {
                let openedOn = line
                position += 1
                var validator = UTF8Validator()
                while true {
                    guard position < bytes.count else {
                        return .failure(.unterminatedQuote(row: row, column: column + 1, line: openedOn))
                    }
                    let byte = bytes[position]
                    if byte == Self.quote {
                        if position + 1 < bytes.count, bytes[position + 1] == Self.quote {
                            take(Self.quote)
                            validator.feed(Self.quote, at: position)
                            position += 2
                            continue
                        }
                        position += 1
                        break
                    }
                    if byte == Self.cr || byte == Self.lf {
                        position += (byte == Self.cr && position + 1 < bytes.count && bytes[position + 1] == Self.lf) ? 2 : 1
                        line += 1
                        take(Self.lf)
                        validator.feed(Self.lf, at: position - 1)
                        continue
                    }
                    take(byte)
                    validator.feed(byte, at: position)
                    position += 1
                }
                validator.finish()
                cellInvalid = validator.firstInvalid
                if position < bytes.count, bytes[position] != delimiter, bytes[position] != Self.cr, bytes[position] != Self.lf {
                    return .failure(.textAfterQuote(row: row, column: column + 1))
                }
            } else {
                var validator = UTF8Validator()
                while position < bytes.count {
                    let byte = bytes[position]
                    if byte == delimiter || byte == Self.cr || byte == Self.lf { break }
                    if byte == Self.quote { return .failure(.strayQuote(row: row, column: column + 1)) }
                    take(byte)
                    validator.feed(byte, at: position)
                    position += 1
                }
                validator.finish()
                cellInvalid = validator.firstInvalid
            }
            if let bad = cellInvalid, invalid == nil {
                invalid = InvalidByte(row: row, column: column + 1, offset: bad.offset, byte: bad.byte)
            }
            if prefix == Self.importIDPrefix { importIDCells += 1 }
            if kept, cellInvalid == nil { cells[column] = String(decoding: buffer, as: UTF8.self) }
            column += 1
            guard position < bytes.count else { break }
            let byte = bytes[position]
            if byte == delimiter {
                position += 1
                continue
            }
            // A line break ends the record.
            position += (byte == Self.cr && position + 1 < bytes.count && bytes[position + 1] == Self.lf) ? 2 : 1
            line += 1
            break
        }
        return .success(Record(row: row, cellCount: column, cells: cells, invalidByte: invalid, importIDCells: importIDCells))
    }

    /// At the end of the file, or before nothing but line breaks.
    private var atEnd: Bool {
        var index = position
        while index < bytes.count {
            if bytes[index] != Self.cr && bytes[index] != Self.lf { return false }
            index += 1
        }
        return true
    }
}
