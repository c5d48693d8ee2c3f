/// Who hosts the community and how it is run.
public struct CommunityStructure: Sendable, Hashable {
    public var host: String?
    public var governance: String?
    public var leadership: [LeadershipRole]

    public init(host: String? = nil, governance: String? = nil, leadership: [LeadershipRole] = []) {
        self.host = host
        self.governance = governance
        self.leadership = leadership
    }

    public var isEmpty: Bool { host == nil && governance == nil && leadership.isEmpty }
}

/// A leadership role, with the holder's name where the profile gives one.
public struct LeadershipRole: Sendable, Hashable {
    public var role: String
    public var name: String?

    public init(role: String, name: String? = nil) {
        self.role = role
        self.name = name
    }
}
