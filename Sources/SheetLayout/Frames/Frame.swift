/// A positioned box of finished content, the output of layout and the only input of
/// rendering. Coordinates of `items` are relative to the frame's `origin`.
public struct Frame: Sendable, Hashable {
    public var origin: Point
    public var size: Size
    public var items: [FrameItem]
    /// What the frame is: a section, a heading, a paragraph, a list item, a table cell, a figure,
    /// an artifact, or only a group of other frames.
    public var role: FrameRole

    public init(origin: Point = .zero, size: Size, items: [FrameItem] = [], role: FrameRole = .group) {
        self.origin = origin
        self.size = size
        self.items = items
        self.role = role
    }

    public var bounds: Rect { Rect(origin: origin, size: size) }

    public mutating func append(_ item: FrameItem) { items.append(item) }

    /// Every leaf item with page-absolute coordinates, in painting order, each with the roles
    /// of the frames around it (outermost first).
    public func flattened(at offset: Point = .zero, roles: [FrameRole] = []) -> [PlacedItem] {
        let here = origin.offset(by: offset)
        let myRoles = roles + [role]
        var out: [PlacedItem] = []
        for item in items {
            if case .group(let child) = item {
                out += child.flattened(at: here, roles: myRoles)
            } else {
                out.append(PlacedItem(item: item.offset(by: here), roles: myRoles))
            }
        }
        return out
    }

    /// Frames nested in this one (itself included) whose role passes `matching`, in reading
    /// order, with absolute bounds.
    public func frames(at offset: Point = .zero, where matching: (FrameRole) -> Bool) -> [(role: FrameRole, bounds: Rect)] {
        let here = origin.offset(by: offset)
        var out: [(role: FrameRole, bounds: Rect)] = []
        if matching(role) { out.append((role, Rect(origin: here, size: size))) }
        for case .group(let child) in items { out += child.frames(at: here, where: matching) }
        return out
    }

    /// The sections nested in this frame, in reading order, with absolute bounds.
    public func sections(at offset: Point = .zero) -> [(section: FrameRole.Section, bounds: Rect)] {
        frames(at: offset) { $0.section != nil }.compactMap { found in found.role.section.map { ($0, found.bounds) } }
    }
}

/// A leaf item at page-absolute coordinates, as `Frame.flattened` returns it.
public struct PlacedItem: Sendable, Hashable {
    public var item: FrameItem
    public var roles: [FrameRole]
}
