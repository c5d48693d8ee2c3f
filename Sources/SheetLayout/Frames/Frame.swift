/// A positioned box of finished content, the output of layout and the only input of
/// rendering. Coordinates of `items` are relative to the frame's `origin`.
public struct Frame: Sendable, Hashable {
    public var origin: Point
    public var size: Size
    public var items: [FrameItem]
    /// What the frame shows, for tests and diagnostics: a component and its field, e.g.
    /// `bar-chart:members.regions`.
    public var role: String?

    public init(origin: Point = .zero, size: Size, items: [FrameItem] = [], role: String? = nil) {
        self.origin = origin
        self.size = size
        self.items = items
        self.role = role
    }

    public var bounds: Rect { Rect(origin: origin, size: size) }

    public mutating func append(_ item: FrameItem) { items.append(item) }

    /// Every leaf item with page-absolute coordinates, in painting order, each with the roles
    /// of the frames around it (outermost first).
    public func flattened(at offset: Point = .zero, roles: [String] = []) -> [PlacedItem] {
        let here = origin.offset(by: offset)
        let myRoles = role.map { roles + [$0] } ?? roles
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

    /// Frames nested in this one (itself included) whose role starts with `prefix`, with
    /// absolute bounds.
    public func frames(withRolePrefix prefix: String, at offset: Point = .zero) -> [(role: String, bounds: Rect)] {
        let here = origin.offset(by: offset)
        var out: [(role: String, bounds: Rect)] = []
        if let role, role.hasPrefix(prefix) { out.append((role, Rect(origin: here, size: size))) }
        for case .group(let child) in items { out += child.frames(withRolePrefix: prefix, at: here) }
        return out
    }
}

/// A leaf item at page-absolute coordinates, as `Frame.flattened` returns it.
public struct PlacedItem: Sendable, Hashable {
    public var item: FrameItem
    public var roles: [String]
}
