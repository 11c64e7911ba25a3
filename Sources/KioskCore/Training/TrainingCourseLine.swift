/// A course on the board, with the seats this terminal knows to be taken: sign-ups to it not
/// refused or withdrawn, made here or come down from the centre.
public struct TrainingCourseLine: Hashable, Sendable {
    public var course: TrainingCourse
    public var seatsTaken: Int

    public init(course: TrainingCourse, seatsTaken: Int) {
        self.course = course
        self.seatsTaken = seatsTaken
    }

    public var seatsLeft: Int { max(0, course.seats - seatsTaken) }
}
