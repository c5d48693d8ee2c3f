/// The community's activities, seen through the CSCCE Community Participation Model.
public struct Programming: Sendable, Hashable {
    public var activities: [ParticipationMode: [String]]

    public init(activities: [ParticipationMode: [String]] = [:]) {
        self.activities = activities
    }

    public subscript(mode: ParticipationMode) -> [String] {
        get { activities[mode] ?? [] }
        set { activities[mode] = newValue.isEmpty ? nil : newValue }
    }

    public var totalActivities: Int { activities.values.reduce(0) { $0 + $1.count } }
}

/// The five modes of the Community Participation Model, from transmissive to transformational,
/// with Champion around the other four.
public enum ParticipationMode: String, Sendable, Hashable, CaseIterable {
    case convey
    case contribute
    case collaborate
    case coCreate = "co-create"
    case champion

    /// The four modes inside the model, in order.
    public static let inner: [ParticipationMode] = [.convey, .contribute, .collaborate, .coCreate]

    public var label: String {
        switch self {
        case .convey: "Convey"
        case .contribute: "Contribute"
        case .collaborate: "Collaborate"
        case .coCreate: "Co-create"
        case .champion: "Champion"
        }
    }

    /// One line on what the mode means, after the model's own descriptions.
    public var summary: String {
        switch self {
        case .convey: "Members consume what the community shares"
        case .contribute: "Members add their own content and answers"
        case .collaborate: "Members work with each other on shared work"
        case .coCreate: "Members set goals and build new things together"
        case .champion: "Members lead, mentor and grow the community"
        }
    }
}
