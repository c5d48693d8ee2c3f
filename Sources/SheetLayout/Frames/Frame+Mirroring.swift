/// Right-to-left pages: the whole frame tree mirrored left for right, in layout, so that
/// painters still only read positions. Every frame's contents are mirrored within its own
/// width, so a column that came first stands at the right, a bar that grew from the left grows
/// from the right and an arrow that pointed right points left. Text is moved, never flipped:
/// its lines were measured with a right-to-left base direction (`TextBlock.direction`), so
/// they already sit at the right of their box, with Latin names and numbers as left-to-right
/// runs inside. Images move and keep their pixels. The order of the items, which is the
/// reading order the structure tree follows, does not change.
extension Frame {
    /// This frame with its contents mirrored in its width (its own origin unchanged).
    public func mirroredHorizontally() -> Frame {
        var copy = self
        copy.items = items.map { $0.mirrored(within: size.width) }
        return copy
    }
}

extension FrameItem {
    /// The item mirrored across the vertical middle of a frame `width` wide.
    func mirrored(within width: Double) -> FrameItem {
        switch self {
        case .group(var frame):
            frame.origin.x = width - frame.origin.x - frame.size.width
            return .group(frame.mirroredHorizontally())
        case .text(var text):
            text.origin.x = width - text.origin.x - text.bounds.width
            return .text(text)
        case .shape(let shape):
            return .shape(shape.mirrored(within: width))
        case .image(var image):
            image.rect = image.rect.mirrored(within: width)
            return .image(image)
        case .link(var link):
            link.rect = link.rect.mirrored(within: width)
            return .link(link)
        }
    }
}

extension Shape {
    func mirrored(within width: Double) -> Shape {
        var copy = self
        func flip(_ point: Point) -> Point { Point(x: width - point.x, y: point.y) }
        switch geometry {
        case .rectangle(let rect, let radius):
            copy.geometry = .rectangle(rect.mirrored(within: width), cornerRadius: radius)
        case .circle(let center, let radius):
            copy.geometry = .circle(center: flip(center), radius: radius)
        case .annularSector(let center, let inner, let outer, let start, let end):
            // Angles run clockwise from 12 o'clock: the mirror image of θ is 2π − θ, and the
            // segment's ends swap so that it still runs clockwise from start to end.
            copy.geometry = .annularSector(
                center: flip(center), innerRadius: inner, outerRadius: outer, startAngle: 2 * Double.pi - end, endAngle: 2 * Double.pi - start)
        case .line(let from, let to):
            copy.geometry = .line(from: flip(from), to: flip(to))
        case .polygon(let points):
            copy.geometry = .polygon(points.map(flip))
        }
        return copy
    }
}

extension Rect {
    func mirrored(within width: Double) -> Rect {
        Rect(x: width - maxX, y: minY, width: size.width, height: size.height)
    }
}
