/// One thing a frame holds.
public enum FrameItem: Sendable, Hashable {
    case text(PositionedText)
    case shape(Shape)
    case image(PositionedImage)
    /// A clickable area pointing at a URL.
    case link(LinkBox)
    case group(Frame)

    /// The item moved by `offset` (groups move their origin).
    public func offset(by offset: Point) -> FrameItem {
        switch self {
        case .text(var text):
            text.origin = text.origin.offset(by: offset)
            return .text(text)
        case .shape(let shape):
            return .shape(shape.offset(by: offset))
        case .image(var image):
            image.rect = image.rect.offset(by: offset)
            return .image(image)
        case .link(var link):
            link.rect = link.rect.offset(by: offset)
            return .link(link)
        case .group(var frame):
            frame.origin = frame.origin.offset(by: offset)
            return .group(frame)
        }
    }

    /// The area the item covers.
    public var bounds: Rect {
        switch self {
        case .text(let text): text.bounds
        case .shape(let shape): shape.bounds
        case .image(let image): image.rect
        case .link(let link): link.rect
        case .group(let frame): frame.bounds
        }
    }
}

/// Measured text at its place: the renderer lays `block` out again with the same measurer
/// settings and draws it with its top-left corner at `origin`.
public struct PositionedText: Sendable, Hashable {
    public var origin: Point
    public var block: TextBlock
    public var metrics: TextMetrics
    /// The profile field the text shows, for diagnostics (`narrative`, `tools[3]`).
    public var field: String?

    public init(origin: Point, block: TextBlock, metrics: TextMetrics, field: String? = nil) {
        self.origin = origin
        self.block = block
        self.metrics = metrics
        self.field = field
    }

    /// The box lines break in: the block's width (or the measured width) by the measured height.
    public var bounds: Rect {
        Rect(origin: origin, size: Size(width: block.width ?? metrics.size.width, height: metrics.size.height))
    }
}

/// An image file fitted into a rectangle (the layout has already kept its aspect ratio).
public struct PositionedImage: Sendable, Hashable {
    public enum Format: String, Sendable, Hashable {
        case png
        case jpeg
        case svg
    }

    public var rect: Rect
    /// Absolute path of the file, already checked to be inside the profiles folder.
    public var path: String
    public var format: Format
    /// A short description, for the PDF's alternative text where supported.
    public var description: String

    public init(rect: Rect, path: String, format: Format, description: String) {
        self.rect = rect
        self.path = path
        self.format = format
        self.description = description
    }
}
