/// Collects items while a component stacks content downwards, tracking the height used.
public struct FrameBuilder {
    public private(set) var items: [FrameItem] = []
    /// The next free y.
    public var cursor: Double = 0
    public var width: Double

    public init(width: Double) {
        self.width = width
    }

    /// Adds text, placing its link areas too.
    public mutating func add(_ text: PositionedText) {
        items.append(.text(text))
        for link in text.metrics.links {
            items.append(.link(LinkBox(url: link.url, rect: link.rect.offset(by: text.origin))))
        }
    }

    public mutating func add(_ shape: Shape) { items.append(.shape(shape)) }
    public mutating func add(_ frame: Frame) { items.append(.group(frame)) }
    public mutating func add(_ item: FrameItem) { items.append(item) }

    /// Text placed at the cursor (plus `x`), the cursor moving below it.
    public mutating func stack(_ text: PositionedText, x: Double = 0, gapAfter: Double = 0) {
        var placed = text
        placed.origin = Point(x: x, y: cursor)
        add(placed)
        cursor += text.metrics.size.height + gapAfter
    }

    /// A frame placed at the cursor, the cursor moving below it.
    public mutating func stack(_ frame: Frame, x: Double = 0, gapAfter: Double = 0) {
        var placed = frame
        placed.origin = Point(x: x, y: cursor)
        add(placed)
        cursor += frame.size.height + gapAfter
    }

    /// Inserts items at the bottom of the painting order (backgrounds).
    public mutating func insertBackground(_ shape: Shape) { items.insert(.shape(shape), at: 0) }

    public func frame(height: Double? = nil, role: String? = nil) -> Frame {
        Frame(size: Size(width: width, height: height ?? cursor), items: items, role: role)
    }
}
