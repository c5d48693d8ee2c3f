import CPangoCairo
import Foundation
import SheetLayout

/// Traces shape geometry as cairo paths.
enum ShapePath {
    /// The largest coordinate, radius or stroke width drawn, in points: seven times the largest
    /// PDF page. Cairo flattens arcs and dashes into segments whose number grows with the size,
    /// so a radius of 1e300 would keep it busy for hours.
    static let limit = 100_000.0

    /// Whether every number is finite and within `limit`.
    static func isSane(_ values: [Double]) -> Bool {
        values.allSatisfy { $0.isFinite && abs($0) <= limit }
    }

    /// A dash pattern cairo can draw in reasonable time, or nil for a solid line: every length
    /// finite and not negative, the pattern at least half a point long.
    static func saneDashes(_ dash: [Double]) -> [Double]? {
        guard !dash.isEmpty, isSane(dash), dash.allSatisfy({ $0 >= 0 }), dash.reduce(0, +) >= 0.5 else { return nil }
        return dash
    }

    /// Adds `geometry` to the current path of `cr`. Returns false for geometry that has no
    /// area or length to paint (zero or negative sizes, fewer than two polygon points) or holds
    /// numbers that are not finite or beyond `limit`.
    static func append(_ geometry: Shape.Geometry, to cr: OpaquePointer) -> Bool {
        guard isSane(numbers(of: geometry)) else { return false }
        switch geometry {
        case .rectangle(let rect, let cornerRadius):
            guard rect.width > 0, rect.height > 0 else { return false }
            let radius = min(max(0, cornerRadius), rect.width / 2, rect.height / 2)
            if radius <= 0 {
                cairo_rectangle(cr, rect.minX, rect.minY, rect.width, rect.height)
                return true
            }
            // Four quarter arcs, clockwise on the page (cairo's angles grow towards +y, which
            // is downwards here), starting at the top-right corner.
            cairo_new_sub_path(cr)
            cairo_arc(cr, rect.maxX - radius, rect.minY + radius, radius, -Double.pi / 2, 0)
            cairo_arc(cr, rect.maxX - radius, rect.maxY - radius, radius, 0, Double.pi / 2)
            cairo_arc(cr, rect.minX + radius, rect.maxY - radius, radius, Double.pi / 2, Double.pi)
            cairo_arc(cr, rect.minX + radius, rect.minY + radius, radius, Double.pi, 3 * Double.pi / 2)
            cairo_close_path(cr)
            return true

        case .circle(let center, let radius):
            guard radius > 0 else { return false }
            cairo_new_sub_path(cr)
            cairo_arc(cr, center.x, center.y, radius, 0, 2 * Double.pi)
            cairo_close_path(cr)
            return true

        case .annularSector(let center, let innerRadius, let outerRadius, let startAngle, let endAngle):
            guard outerRadius > 0, endAngle > startAngle, innerRadius < outerRadius else { return false }
            // Our angles run clockwise from 12 o'clock; cairo's from 3 o'clock towards +y,
            // which on a y-down page is also clockwise. So only the origin moves: −π/2.
            let start = startAngle - Double.pi / 2
            let end = min(endAngle, startAngle + 2 * Double.pi) - Double.pi / 2
            cairo_new_sub_path(cr)
            cairo_arc(cr, center.x, center.y, outerRadius, start, end)
            if innerRadius > 0 {
                cairo_arc_negative(cr, center.x, center.y, innerRadius, end, start)
            } else {
                cairo_line_to(cr, center.x, center.y)
            }
            cairo_close_path(cr)
            return true

        case .line(let from, let to):
            cairo_move_to(cr, from.x, from.y)
            cairo_line_to(cr, to.x, to.y)
            return true

        case .polygon(let points):
            guard let first = points.first, points.count >= 2 else { return false }
            cairo_move_to(cr, first.x, first.y)
            for point in points.dropFirst() { cairo_line_to(cr, point.x, point.y) }
            cairo_close_path(cr)
            return true
        }
    }

    private static func numbers(of geometry: Shape.Geometry) -> [Double] {
        switch geometry {
        case .rectangle(let rect, let radius): [rect.minX, rect.minY, rect.width, rect.height, radius]
        case .circle(let center, let radius): [center.x, center.y, radius]
        case .annularSector(let center, let inner, let outer, let start, let end): [center.x, center.y, inner, outer, start, end]
        case .line(let from, let to): [from.x, from.y, to.x, to.y]
        case .polygon(let points): points.flatMap { [$0.x, $0.y] }
        }
    }
}
