import Foundation

extension ProfileSchema {
    /// The id a profile file stands for: its file name without the extension, which the
    /// format requires its `id` to equal.
    public static func id(ofFile file: String) -> String {
        ((file as NSString).lastPathComponent as NSString).deletingPathExtension
    }
}
