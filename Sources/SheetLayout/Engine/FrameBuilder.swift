/// Collects items while a component stacks content downwards, tracking the height used.
public struct FrameBuilder {
    public private(set) var items: [FrameItem] = []
    /// The next free y.
    public var cursor: Double = 0
    public var width: Double

    public init(width: Double) {
        self.width = width
    }

    /// Adds text at its origin in a frame of its own with `role`, with its link areas.
    public mutating func add(_ text: PositionedText, role: FrameRole) {
        items.append(.group(Self.frame(text, role: role)))
    }

    public mutating func add(_ shape: Shape) { items.append(.shape(shape)) }
    /// A shape that carries no information (a background, a rule), in a frame marked as such.
    public mutating func addDecoration(_ shape: Shape) {
        items.append(.group(Self.decoration(shape)))
    }
    public mutating func add(_ frame: Frame) { items.append(.group(frame)) }
    public mutating func add(_ item: FrameItem) { items.append(item) }

    /// Text placed at the cursor (plus `x`) in a frame with `role`, the cursor moving below it.
    public mutating func stack(_ text: PositionedText, role: FrameRole, x: Double = 0, gapAfter: Double = 0) {
        var placed = text
        placed.origin = Point(x: x, y: cursor)
        add(placed, role: role)
        cursor += text.metrics.size.height + gapAfter
    }

    /// A frame placed at the cursor, the cursor moving below it.
    public mutating func stack(_ frame: Frame, x: Double = 0, gapAfter: Double = 0) {
        var placed = frame
        placed.origin = Point(x: x, y: cursor)
        add(placed)
        cursor += frame.size.height + gapAfter
    }

    /// Inserts a decoration at the bottom of the painting order (backgrounds).
    public mutating func insertBackground(_ shape: Shape) {
        items.insert(.group(Self.decoration(shape)), at: 0)
    }

    /// `shape` in a frame marked as decoration; the frame reaches from its parent's origin to
    /// the shape's far corner, so that the shape keeps its coordinates.
    public static func decoration(_ shape: Shape) -> Frame {
        let bounds = shape.bounds
        return Frame(size: Size(width: max(0, bounds.maxX), height: max(0, bounds.maxY)), items: [.shape(shape)], role: .artifact(.decoration))
    }

    public func frame(height: Double? = nil, role: FrameRole = .group) -> Frame {
        Frame(size: Size(width: width, height: height ?? cursor), items: items, role: role)
    }

    /// `text` in a frame of its own at the text's origin, with its link areas.
    public static func frame(_ text: PositionedText, role: FrameRole) -> Frame {
        var inner = text
        inner.origin = .zero
        var items: [FrameItem] = [.text(inner)]
        for link in text.metrics.links { items.append(.link(link)) }
        return Frame(origin: text.origin, size: text.bounds.size, items: items, role: role)
    }
}
