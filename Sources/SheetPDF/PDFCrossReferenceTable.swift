/// The entries of a classic cross-reference table (ISO 32000-1, 7.5.4), written as bytes for
/// the accessibility pass (`PDFFileRewrite`, some hundreds of objects a sheet) and the
/// collection writer (thousands): making a `String` of each entry, as both did, cost about
/// 2 k instructions an entry (callgrind, docs/performance.md).
package enum PDFCrossReferenceTable {
    /// The 20-byte entry of an object that starts at byte `offset`, or of a number not in use
    /// (nil): `0000012345 00000 n \n`, `0000000000 00000 f \n`.
    package static func appendEntry(_ offset: Int?, to out: inout [UInt8]) {
        let start = out.count
        out.append(contentsOf: zeros)
        var rest = offset ?? 0
        var index = start + zeros.count - 1
        while rest > 0, index >= start {
            out[index] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
            index -= 1
        }
        out.append(contentsOf: offset == nil ? free : inUse)
    }

    private static let zeros = Array("0000000000".utf8)
    private static let inUse = Array(" 00000 n \n".utf8)
    private static let free = Array(" 00000 f \n".utf8)
}
