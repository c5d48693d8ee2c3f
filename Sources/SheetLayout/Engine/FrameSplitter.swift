/// Splits a section's content between pages: a stack of frames between its children, a list
/// between its items, a paragraph between its lines (at least two lines on each side). What
/// carries a background, a figure, a table or a single list item stays whole.
enum FrameSplitter {
    /// The fewest lines of a paragraph left at a page's end or carried to the next.
    static let minimumLines = 2

    /// `frame` cut so that its first part is at most `height` tall: both parts start at y 0,
    /// or nil when no cut leaves something on both sides.
    static func split(_ frame: Frame, at height: Double) -> (head: Frame, tail: Frame)? {
        guard height > 0, frame.size.height > height + 0.01 else { return nil }
        switch frame.role {
        case .paragraph:
            return splitText(frame, at: height)
        case .group, .list:
            return splitStack(frame, at: height)
        default:
            return nil
        }
    }

    /// Whether a frame can be split at all (it may still be too short to).
    static func isSplittable(_ frame: Frame) -> Bool {
        switch frame.role {
        case .paragraph: return frame.items.contains { if case .text = $0 { true } else { false } }
        case .group, .list: return !hasBackground(frame) && frame.items.allSatisfy { if case .group = $0 { true } else { false } }
        default: return false
        }
    }

    /// A decoration that spans the frame from top to bottom: a panel the content sits on.
    private static func hasBackground(_ frame: Frame) -> Bool {
        frame.items.contains { item in
            guard case .group(let child) = item, child.role == .artifact(.decoration) else { return false }
            return child.items.contains { item in
                if case .shape(let shape) = item { return shape.bounds.minY <= 0.01 && shape.bounds.maxY >= frame.size.height - 0.01 && shape.fill != nil }
                return false
            }
        }
    }

    private static func splitStack(_ frame: Frame, at height: Double) -> (head: Frame, tail: Frame)? {
        guard isSplittable(frame) else { return nil }
        let children: [Frame] = frame.items.compactMap { if case .group(let child) = $0 { child } else { nil } }
        var head: [Frame] = []
        var tail: [Frame] = []
        var tailTop: Double?
        for child in children {
            if tailTop == nil, child.bounds.maxY <= height + 0.01 {
                head.append(child)
                continue
            }
            if tailTop == nil {
                // The first child that crosses the cut: split it, or carry it whole.
                var inner = child
                inner.origin = .zero
                if child.origin.y < height, let parts = split(inner, at: height - child.origin.y) {
                    var first = parts.head
                    first.origin = child.origin
                    head.append(first)
                    var rest = parts.tail
                    rest.origin = Point(x: child.origin.x, y: child.origin.y)
                    tail.append(rest)
                    tailTop = child.origin.y
                    continue
                }
                tailTop = child.origin.y
            }
            tail.append(child)
        }
        // A heading never ends a part: it goes on with what it heads.
        while let last = head.last, case .heading = last.role {
            head.removeLast()
            tail.insert(last, at: 0)
            tailTop = last.origin.y
        }
        guard !head.isEmpty, !tail.isEmpty, let top = tailTop else { return nil }
        let headHeight = head.map(\.bounds.maxY).max() ?? 0
        let moved = tail.map { child -> Frame in
            var copy = child
            copy.origin.y -= top
            return copy
        }
        let tailHeight = moved.map(\.bounds.maxY).max() ?? 0
        return (Frame(size: Size(width: frame.size.width, height: headHeight), items: head.map { .group($0) }, role: frame.role),
                Frame(size: Size(width: frame.size.width, height: tailHeight), items: moved.map { .group($0) }, role: frame.role))
    }

    /// A text frame split between lines.
    private static func splitText(_ frame: Frame, at height: Double) -> (head: Frame, tail: Frame)? {
        guard let textIndex = frame.items.firstIndex(where: { if case .text = $0 { true } else { false } }),
              case .text(let text) = frame.items[textIndex] else { return nil }
        let lines = text.metrics.lines
        let pitch = text.metrics.linePitch
        guard lines.count >= 2 * minimumLines, pitch > 0 else { return nil }
        let tops = lines.map { text.origin.y + $0.origin.y - text.metrics.firstBaseline }
        var count = tops.firstIndex { $0 + pitch > height + 0.01 } ?? lines.count
        count = min(count, lines.count - minimumLines)
        guard count >= minimumLines else { return nil }
        let cut = tops[count] - text.origin.y
        var head = text
        head.metrics.lines = Array(lines[..<count])
        head.metrics.lineCount = count
        head.metrics.size.height = cut
        head.metrics.links = text.metrics.links.filter { $0.rect.midY < cut }
        var tail = text
        tail.origin.y = 0
        tail.metrics.lines = lines[count...].map { line in
            var moved = line
            moved.origin.y -= cut
            return moved
        }
        tail.metrics.lineCount = lines.count - count
        tail.metrics.size.height = text.metrics.size.height - cut
        tail.metrics.firstBaseline = text.metrics.firstBaseline
        tail.metrics.links = text.metrics.links.filter { $0.rect.midY >= cut }.map { link in
            var moved = link
            moved.rect.origin.y -= cut
            return moved
        }
        let headFrame = FrameBuilder.frame(head, role: frame.role)
        var tailFrame = FrameBuilder.frame(tail, role: frame.role)
        tailFrame.origin = .zero
        var placedHead = headFrame
        placedHead.origin = .zero
        placedHead.size.height = text.origin.y + cut
        return (placedHead, tailFrame)
    }
}
