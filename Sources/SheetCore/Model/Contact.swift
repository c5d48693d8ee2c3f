/// How to reach the community.
public struct Contact: Sendable, Hashable {
    public var name: String?
    public var email: String?
    public var url: String?

    public init(name: String? = nil, email: String? = nil, url: String? = nil) {
        self.name = name
        self.email = email
        self.url = url
    }

    public var isEmpty: Bool { name == nil && email == nil && url == nil }
}
