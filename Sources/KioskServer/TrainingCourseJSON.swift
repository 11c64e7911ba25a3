import Foundation
import KioskCore

/// A course on the board: the course, the seats left as this terminal knows them, and whether it
/// takes sign-ups today.
struct TrainingCourseJSON: Encodable {
    var id: String
    var title: String
    var provider: String
    var regionCode: String
    var place: String
    var startsOn: String
    var endsOn: String
    var signUpUntil: String
    var seats: Int
    var seatsLeft: Int
    var takesSignUps: Bool

    init(_ line: TrainingCourseLine, on day: String) {
        let course = line.course
        id = course.id
        title = course.title
        provider = course.provider
        regionCode = course.regionCode
        place = course.place
        startsOn = course.startsOn
        endsOn = course.endsOn
        signUpUntil = course.signUpUntil
        seats = course.seats
        seatsLeft = line.seatsLeft
        takesSignUps = course.takesSignUps(on: day) && line.seatsLeft > 0
    }
}
