/// A filled and/or stroked geometric shape.
public struct Shape: Sendable, Hashable {
    public enum Geometry: Sendable, Hashable {
        case rectangle(Rect, cornerRadius: Double)
        case circle(center: Point, radius: Double)
        /// A ring segment, angles in radians clockwise from 12 o'clock.
        case annularSector(center: Point, innerRadius: Double, outerRadius: Double, startAngle: Double, endAngle: Double)
        case line(from: Point, to: Point)
        /// A closed polygon.
        case polygon([Point])
    }

    public var geometry: Geometry
    public var fill: Color?
    public var stroke: Stroke?

    public init(_ geometry: Geometry, fill: Color? = nil, stroke: Stroke? = nil) {
        self.geometry = geometry
        self.fill = fill
        self.stroke = stroke
    }

    public func offset(by offset: Point) -> Shape {
        var copy = self
        switch geometry {
        case .rectangle(let rect, let radius):
            copy.geometry = .rectangle(rect.offset(by: offset), cornerRadius: radius)
        case .circle(let center, let radius):
            copy.geometry = .circle(center: center.offset(by: offset), radius: radius)
        case .annularSector(let center, let inner, let outer, let start, let end):
            copy.geometry = .annularSector(center: center.offset(by: offset), innerRadius: inner, outerRadius: outer, startAngle: start, endAngle: end)
        case .line(let from, let to):
            copy.geometry = .line(from: from.offset(by: offset), to: to.offset(by: offset))
        case .polygon(let points):
            copy.geometry = .polygon(points.map { $0.offset(by: offset) })
        }
        return copy
    }

    public var bounds: Rect {
        switch geometry {
        case .rectangle(let rect, _):
            return rect
        case .circle(let center, let radius):
            return Rect(x: center.x - radius, y: center.y - radius, width: 2 * radius, height: 2 * radius)
        case .annularSector(let center, _, let outer, _, _):
            return Rect(x: center.x - outer, y: center.y - outer, width: 2 * outer, height: 2 * outer)
        case .line(let from, let to):
            return Rect(x: min(from.x, to.x), y: min(from.y, to.y), width: abs(to.x - from.x), height: abs(to.y - from.y))
        case .polygon(let points):
            let xs = points.map(\.x)
            let ys = points.map(\.y)
            guard let minX = xs.min(), let maxX = xs.max(), let minY = ys.min(), let maxY = ys.max() else {
                return Rect(x: 0, y: 0, width: 0, height: 0)
            }
            return Rect(x: minX, y: minY, width: maxX - minX, height: maxY - minY)
        }
    }
}

/// An outline: colour, width in points, and an optional dash pattern.
public struct Stroke: Sendable, Hashable {
    public var color: Color
    public var width: Double
    public var dash: [Double]

    public init(color: Color, width: Double, dash: [Double] = []) {
        self.color = color
        self.width = width
        self.dash = dash
    }
}
