/// Shrinks an image fed a row at a time into cairo's pixel layout by area averaging: each
/// target pixel is the average of the source area it covers, the source pixels cut by its edges
/// weighted by the part of them it covers. Colours are averaged premultiplied by alpha, so
/// transparent pixels lend their neighbours no colour.
///
/// Written here rather than taken from a library because the decoders at hand shrink only once
/// they hold the whole image (gdk-pixbuf) or not at all (libpng, libspng). Fed the rows libspng
/// decodes, this holds three rows of sums, so decoding a logo takes memory for its target size
/// whatever its own: a 4096² PNG would otherwise need 64 MiB before it was shrunk.
///
/// All positions are exact integers: source column `x` spans `[x·width, (x+1)·width)` and target
/// column `t` spans `[t·sourceWidth, (t+1)·sourceWidth)` on the same axis (rows likewise), so
/// the weights of every target pixel add up to exactly one.
struct RowShrinker {
    let sourceWidth: Int
    let sourceHeight: Int
    let width: Int
    let height: Int
    /// Whether the source has an alpha channel: the target is then premultiplied ARGB32, else
    /// RGB24 (cairo's formats; both one native-endian 32-bit word a pixel).
    let hasAlpha: Bool

    /// Which source columns make up a target column.
    private struct Column {
        /// The source columns wholly inside it.
        var full: Range<Int>
        /// The source column cut by its left edge and the share of it inside, in target-column
        /// units (share 0 when no column is cut); the same for its right edge.
        var leftCut: (column: Int, share: Float)
        var rightCut: (column: Int, share: Float)
    }

    private let columns: [Column]
    /// `width / sourceWidth`: a whole source column's weight in its target column.
    private let fullWeight: Float

    /// One source row shrunk across, then the target row being filled and the one after it
    /// (four sums a pixel: red, green, blue premultiplied, and alpha, in 0...255).
    private var across: [Float]
    private var current: [Float]
    private var following: [Float]
    /// The target row in cairo's layout, as it is handed out.
    private var pixels: [UInt32]
    private var nextSourceRow = 0
    private(set) var rowsWritten = 0

    /// A shrinker from `sourceWidth` × `sourceHeight` to `width` × `height`, each no larger
    /// than the source's.
    init(sourceWidth: Int, sourceHeight: Int, width: Int, height: Int, hasAlpha: Bool) {
        precondition(width >= 1 && height >= 1 && width <= sourceWidth && height <= sourceHeight, "a shrinker only shrinks")
        self.sourceWidth = sourceWidth
        self.sourceHeight = sourceHeight
        self.width = width
        self.height = height
        self.hasAlpha = hasAlpha
        fullWeight = Float(width) / Float(sourceWidth)
        columns = (0..<width).map { target in
            let left = target * sourceWidth, right = (target + 1) * sourceWidth
            // Source columns first..<last lie wholly inside; `left` and `right` may cut one each.
            let first = (left + width - 1) / width
            let last = right / width
            let leftColumn = left / width
            return Column(
                full: first..<max(first, last),
                leftCut: left % width == 0 ? (0, 0) : (leftColumn, Float((leftColumn + 1) * width - left) / Float(sourceWidth)),
                rightCut: right % width == 0 || last >= sourceWidth ? (0, 0) : (last, Float(right - last * width) / Float(sourceWidth)))
        }
        across = Array(repeating: 0, count: 4 * width)
        current = across
        following = across
        pixels = Array(repeating: 0, count: width)
    }

    /// Bytes a source pixel: R, G, B, A (alpha not premultiplied) when the source has alpha,
    /// else R, G, B.
    var sourceChannels: Int { hasAlpha ? 4 : 3 }

    /// Adds the next source row, `sourceWidth` pixels of `sourceChannels` bytes, and writes each
    /// target row it completes with `write(rowIndex, pixels)`.
    mutating func add(_ row: UnsafePointer<UInt8>, write: (Int, UnsafeBufferPointer<UInt32>) -> Void) {
        precondition(nextSourceRow < sourceHeight, "more rows than the image has")
        shrinkAcross(row)
        // Source row y spans [y·height, (y+1)·height); target row t spans [t·sourceHeight, (t+1)·sourceHeight).
        let top = nextSourceRow * height, bottom = top + height
        nextSourceRow += 1
        let boundary = (rowsWritten + 1) * sourceHeight
        if bottom <= boundary {
            accumulate(into: &current, weight: Float(height) / Float(sourceHeight))
        } else {
            accumulate(into: &current, weight: Float(boundary - top) / Float(sourceHeight))
            accumulate(into: &following, weight: Float(bottom - boundary) / Float(sourceHeight))
        }
        if bottom >= boundary {
            emit(write)
            swap(&current, &following)
            following.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
        }
    }

    /// The sums of one source row, shrunk across into `across`.
    private mutating func shrinkAcross(_ row: UnsafePointer<UInt8>) {
        let alpha = hasAlpha, channels = sourceChannels
        let weight = fullWeight, scale = alpha ? fullWeight / 255 : fullWeight
        @inline(__always) func pixel(_ column: Int) -> (Float, Float, Float, Float) {
            let p = row + channels * column
            guard alpha else { return (Float(p[0]), Float(p[1]), Float(p[2]), 255) }
            let a = Float(p[3])
            return (Float(p[0]) * a / 255, Float(p[1]) * a / 255, Float(p[2]) * a / 255, a)
        }
        columns.withUnsafeBufferPointer { columns in
            across.withUnsafeMutableBufferPointer { sums in
                for (target, column) in columns.enumerated() {
                    var red: UInt32 = 0, green: UInt32 = 0, blue: UInt32 = 0, opacity: UInt32 = 0
                    var p = row + channels * column.full.lowerBound
                    if alpha {
                        for _ in column.full {
                            let a = UInt32(p[3])
                            red &+= UInt32(p[0]) &* a
                            green &+= UInt32(p[1]) &* a
                            blue &+= UInt32(p[2]) &* a
                            opacity &+= a
                            p += 4
                        }
                    } else {
                        for _ in column.full {
                            red &+= UInt32(p[0])
                            green &+= UInt32(p[1])
                            blue &+= UInt32(p[2])
                            p += 3
                        }
                        opacity = 255 &* UInt32(column.full.count)
                    }
                    var r = Float(red) * scale, g = Float(green) * scale, b = Float(blue) * scale
                    var a = Float(opacity) * weight
                    @inline(__always) func add(_ cut: (column: Int, share: Float)) {
                        guard cut.share > 0 else { return }
                        let (pr, pg, pb, pa) = pixel(cut.column)
                        r += pr * cut.share
                        g += pg * cut.share
                        b += pb * cut.share
                        a += pa * cut.share
                    }
                    add(column.leftCut)
                    add(column.rightCut)
                    sums[4 * target] = r
                    sums[4 * target + 1] = g
                    sums[4 * target + 2] = b
                    sums[4 * target + 3] = a
                }
            }
        }
    }

    private func accumulate(into row: inout [Float], weight: Float) {
        across.withUnsafeBufferPointer { sums in
            row.withUnsafeMutableBufferPointer { target in
                for index in 0..<target.count { target[index] += sums[index] * weight }
            }
        }
    }

    /// Writes the completed target row in cairo's layout.
    private mutating func emit(_ write: (Int, UnsafeBufferPointer<UInt32>) -> Void) {
        for target in 0..<width {
            @inline(__always) func byte(_ value: Float, atMost limit: UInt32) -> UInt32 {
                min(limit, UInt32(max(0, value) + 0.5))
            }
            let a = hasAlpha ? byte(current[4 * target + 3], atMost: 255) : 255
            pixels[target] = a << 24 | byte(current[4 * target], atMost: a) << 16
                | byte(current[4 * target + 1], atMost: a) << 8 | byte(current[4 * target + 2], atMost: a)
        }
        pixels.withUnsafeBufferPointer { write(rowsWritten, $0) }
        rowsWritten += 1
    }
}
