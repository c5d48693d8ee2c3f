import SheetLayout

/// A page rendered to pixels: cairo's ARGB32, one 32-bit word per pixel (0xAARRGGBB, colour
/// premultiplied by alpha), rows top to bottom.
public struct PageBitmap: Sendable, Hashable {
    public let width: Int
    public let height: Int
    /// `width × height` pixels, row by row.
    public let pixels: [UInt32]

    public init(width: Int, height: Int, pixels: [UInt32]) {
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// The colour at pixel (`x`, `y`), alpha divided out; nil outside the bitmap.
    public func color(x: Int, y: Int) -> Color? {
        guard x >= 0, y >= 0, x < width, y < height else { return nil }
        let pixel = pixels[y * width + x]
        let alpha = Double(pixel >> 24) / 255
        guard alpha > 0 else { return Color(red: 0, green: 0, blue: 0, alpha: 0) }
        func channel(_ shift: UInt32) -> Double { min(1, Double((pixel >> shift) & 0xFF) / 255 / alpha) }
        return Color(red: channel(16), green: channel(8), blue: channel(0), alpha: alpha)
    }
}
