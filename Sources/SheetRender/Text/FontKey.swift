import CPangoCairo
import SheetLayout

/// Pango units per point: `PANGO_SCALE` (1024) Pango units make one device unit, and at 72 dpi
/// with an identity matrix a device unit is a point.
let pangoScale = Double(PANGO_SCALE)

/// `points` in Pango units, rounded by `rule`; clamped to Pango's 32-bit range, with NaN as 0,
/// so that no input can trap a conversion.
func pangoUnits(_ points: Double, _ rule: FloatingPointRoundingRule = .toNearestOrAwayFromZero) -> Int32 {
    let units = (points * pangoScale).rounded(rule)
    guard units.isFinite else { return units.isNaN ? 0 : (units > 0 ? Int32.max : Int32.min) }
    return Int32(max(Double(Int32.min), min(Double(Int32.max), units)))
}

/// What picks a `PangoFontDescription`: a style without colour, spacing and line height, which
/// do not change the font.
struct FontKey: Hashable {
    var family: String
    var weight: Int
    var italic: Bool
    /// Size in Pango units, so that keys compare exactly.
    var size: Int32

    init(_ style: TextStyle) {
        family = style.family
        weight = style.weight.rawValue
        italic = style.italic
        size = pangoUnits(Self.clampedSize(style.size))
    }

    /// Font sizes outside this range, in points, are clamped to it. FreeType refuses sizes past
    /// 65 535 pixels, and cairo then marks the shared font face as failed, which breaks text
    /// for every thread drawing that font at that moment; 1 000 pt stays clear of the limit at
    /// any bitmap scale `SheetRenderer` accepts.
    static let sizeRange = 0.1...1_000.0

    static func clampedSize(_ size: Double) -> Double {
        size.isNaN ? sizeRange.lowerBound : min(max(size, sizeRange.lowerBound), sizeRange.upperBound)
    }
}
