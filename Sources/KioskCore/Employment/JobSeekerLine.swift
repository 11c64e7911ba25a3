/// A line of the desk's register of job seekers: the registration with the name and village it is
/// worked by.
public struct JobSeekerLine: Hashable, Sendable {
    public var jobSeeker: JobSeeker
    public var name: String
    public var regionCode: String

    public init(jobSeeker: JobSeeker, name: String, regionCode: String) {
        self.jobSeeker = jobSeeker
        self.name = name
        self.regionCode = regionCode
    }
}
