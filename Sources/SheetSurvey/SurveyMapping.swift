/// Survey mapping format 1 (`*.survey.yaml`): which CSV column feeds which profile field.
/// The reader and the merge arrive with the survey issue; this declares the module's purpose.
public enum SurveyMappingFormat {
    public static let version = 1
}
