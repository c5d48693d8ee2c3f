/// Membership figures and breakdowns.
public struct Members: Sendable, Hashable {
    public var count: Int?
    public var active: Int?
    public var regions: Breakdown?
    public var careerStages: Breakdown?

    public init(count: Int? = nil, active: Int? = nil, regions: Breakdown? = nil, careerStages: Breakdown? = nil) {
        self.count = count
        self.active = active
        self.regions = regions
        self.careerStages = careerStages
    }
}
