/// `fail_on` / `--fail-on`: the lowest grade that makes a run fail, or none.
public enum FailOn: String, Sendable, CaseIterable {
    case major, minor, observation, none

    /// The grade, nil for `none`.
    public var grade: Grade? { Grade(rawValue: rawValue) }
}
