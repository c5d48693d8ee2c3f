/// A right-to-left page: its frame tree mirrored left for right (Frame+Mirroring); its size
/// and title stay. The sheet, the comparison and the overview mirror their pages through it.
extension Page {
    public func mirroredHorizontally() -> Page {
        var mirrored = self
        mirrored.frame = frame.mirroredHorizontally()
        return mirrored
    }
}
