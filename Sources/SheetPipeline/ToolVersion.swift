/// The tool's version, written into PDFs and manifests.
public enum ToolVersion {
    public static let current = "0.1.0"
}
