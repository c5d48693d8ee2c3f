/// The kind of community a profile describes.
public enum CommunityType: String, Sendable, Hashable, CaseIterable {
    case researchCollaboration = "research-collaboration"
    case infrastructureOrganization = "infrastructure-organization"
    case professionalSociety = "professional-society"
    case openSourceProject = "open-source-project"
    case communityOfPractice = "community-of-practice"
    case network = "network"
    case other = "other"

    /// How a sheet names the type: "Community of practice".
    public var label: String {
        switch self {
        case .researchCollaboration: "Research collaboration"
        case .infrastructureOrganization: "Infrastructure organization"
        case .professionalSociety: "Professional society"
        case .openSourceProject: "Open source project"
        case .communityOfPractice: "Community of practice"
        case .network: "Network"
        case .other: "Community"
        }
    }
}
