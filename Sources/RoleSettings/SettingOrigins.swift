import Configuration
import Synchronization

/// Which provider answered each read, from swift-configuration's access events: the first with a
/// value is the setting's origin, and one that threw holds a value of the wrong type.
final class SettingOrigins: AccessReporter {
    private let events = Mutex<[String: AccessEvent]>([:])

    func report(_ event: AccessEvent) { events.withLock { $0[event.metadata.key.description] = event } }

    /// The outcome of the last read of `key`: the index of the provider that gave its value or that
    /// refused its type, and whether it refused it.
    func outcome(of key: String) -> (provider: Int, wrongType: Bool)? {
        guard let event = events.withLock({ $0[key] }) else { return nil }
        for (index, result) in event.providerResults.enumerated() {
            switch result.result {
            case .failure: return (index, true)
            case .success(let lookup) where lookup.value != nil: return (index, event.conversionError != nil)
            case .success: continue
            }
        }
        return nil
    }
}
