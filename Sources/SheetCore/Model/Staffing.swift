/// Paid and volunteer effort behind the community.
public struct Staffing: Sendable, Hashable {
    /// Paid staff in full-time equivalents, at most two decimals.
    public var paidFTE: Double?
    public var communityManagers: Int?
    public var volunteers: Int?

    public init(paidFTE: Double? = nil, communityManagers: Int? = nil, volunteers: Int? = nil) {
        self.paidFTE = paidFTE
        self.communityManagers = communityManagers
        self.volunteers = volunteers
    }
}
