import CZlib

/// zlib's deflate format, as PDF's `/FlateDecode` filter has it: for the page content streams
/// the accessibility pass rewrites.
package enum FlateCodec {
    /// `bytes` compressed at zlib's fastest level: page content compresses nearly as well at it
    /// as at the default level, at a fraction of the time (measured on the samples' content
    /// streams; see docs/performance.md).
    package static func deflate(_ bytes: [UInt8]) throws(PDFSyntaxError) -> [UInt8] {
        var length = compressBound(uLong(bytes.count))
        var out = [UInt8](repeating: 0, count: Int(length))
        let status = out.withUnsafeMutableBufferPointer { target in
            bytes.withUnsafeBufferPointer { source in
                compress2(target.baseAddress, &length, source.baseAddress, uLong(source.count), Z_BEST_SPEED)
            }
        }
        guard status == Z_OK else { throw .malformed("content zlib could not compress (status \(status))") }
        out.removeSubrange(Int(length)...)
        return out
    }

    /// `bytes` decompressed; at most `limit` bytes come out (a content stream that inflates
    /// beyond it is refused rather than filling memory). The streaming `inflate` below, its
    /// pieces collected.
    package static func inflate(_ bytes: ArraySlice<UInt8>, limit: Int = 256 << 20) throws(PDFSyntaxError) -> [UInt8] {
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: max(16_384, bytes.count * 4))
        try bytes.withUnsafeBufferPointer { (source) throws(PDFSyntaxError) in
            try chunk.withUnsafeMutableBufferPointer { (scratch) throws(PDFSyntaxError) in
                try inflate(source, limit: limit, scratch: scratch) { (piece: UnsafeBufferPointer<UInt8>) throws(PDFSyntaxError) in
                    out.append(contentsOf: piece)
                }
            }
        }
        return out
    }
}

extension FlateCodec {
    /// Inflates `source` a `scratch`-full at a time, handing each piece to `consume`, so that a
    /// stream is checked without holding what it decodes to (`PDFStructureCheck`). Throws
    /// zlib's message when the data does not inflate to its end, or when more than `limit`
    /// bytes come out; returns how many did.
    @discardableResult
    package static func inflate(
        _ source: UnsafeBufferPointer<UInt8>, limit: Int, scratch: UnsafeMutableBufferPointer<UInt8>,
        consume: (UnsafeBufferPointer<UInt8>) throws(PDFSyntaxError) -> Void
    ) throws(PDFSyntaxError) -> Int {
        var stream = z_stream()
        guard inflateInit_(&stream, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw .malformed("a compressed stream zlib cannot start on")
        }
        defer { inflateEnd(&stream) }
        stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
        stream.avail_in = uInt(source.count)
        var total = 0
        while true {
            stream.next_out = scratch.baseAddress
            stream.avail_out = uInt(scratch.count)
            let status = CZlib.inflate(&stream, Z_NO_FLUSH)
            let produced = scratch.count - Int(stream.avail_out)
            total += produced
            if total > limit { throw .malformed("a compressed stream that inflates to more than \(limit) bytes") }
            if produced > 0 { try consume(UnsafeBufferPointer(rebasing: scratch[0..<produced])) }
            switch status {
            case Z_STREAM_END: return total
            case Z_OK: continue
            case Z_BUF_ERROR where stream.avail_in == 0:
                throw .malformed("compressed data that ends before its end (zlib: unexpected end of data)")
            default:
                let message = stream.msg.map { String(cString: $0) } ?? "status \(status)"
                throw .malformed("compressed data zlib cannot read (zlib: \(message))")
            }
        }
    }
}
