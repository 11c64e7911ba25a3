import Foundation
import KioskCore
import Logging
import Printing

/// The terminal's print jobs: each submitted once under its key, watched until it finishes, its
/// changes sent to the event stream.
///
/// A retried request (same key, same person) gets the job it started, never a second print: the
/// key is held here while the job lives and is the job's name at the printer, so even a request
/// retried after a restart of the service finds the job cupsd already has.
actor PrintDesk {
    private let service: any PrintService
    private let events: EventHub
    private let logger: Logger
    private let pollInterval: Duration
    private var jobs: [String: (owner: String, status: PrintJobStatus)] = [:]

    /// How long a finished job's status stays readable.
    static let retention: TimeInterval = 24 * 3600

    init(service: any PrintService, events: EventHub, logger: Logger, pollInterval: Duration = .milliseconds(500)) {
        self.service = service
        self.events = events
        self.logger = logger
        self.pollInterval = pollInterval
    }

    /// The job under `key`, submitting it first if it is new (`created`). `render` runs only for
    /// a new job; a key someone else's job holds is refused.
    func submit(
        key: String,
        printerKey: IdempotencyKey,
        document: PrintRequestKind,
        queue: String,
        owner: String,
        options: PrintOptions,
        at now: Date,
        render: @Sendable () async throws -> PrintDocument
    ) async throws -> (status: PrintJobStatus, created: Bool) {
        if let existing = jobs[key] {
            guard existing.owner == owner else { throw APIError.printKeyTaken }
            return (existing.status, false)
        }
        forgetOldJobs(before: now.addingTimeInterval(-Self.retention))
        let queued = PrintJobStatus(
            key: key, document: document, queue: queue, state: .queued, messageChinese: PrintJobStatus.queued.zh,
            message: PrintJobStatus.queued.en, submittedAt: now, updatedAt: now)
        // Held before the first suspension: a retry arriving while this one renders finds it.
        jobs[key] = (owner, queued)
        let job: PrintJob
        do {
            job = try await service.submit(try await render(), to: .queue(queue), key: printerKey, options: options)
        } catch {
            jobs[key] = nil
            throw error
        }
        var status = queued
        status.printerJobID = job.id
        jobs[key] = (owner, status)
        await publish(status)
        watch(key, job)
        return (status, true)
    }

    /// The job under `key`, for its owner or `anyone` allowed to see every job.
    func status(of key: String, owner: String, anyone: Bool) throws -> PrintJobStatus {
        guard let entry = jobs[key], anyone || entry.owner == owner else {
            throw KioskError.notFound("print job", chinese: "该打印任务")
        }
        return entry.status
    }

    private func watch(_ key: String, _ job: PrintJob) {
        let updates = service.progress(of: job, every: pollInterval, timeout: .seconds(3600))
        Task {
            do {
                for try await progress in updates { await self.update(key, with: progress) }
            } catch {
                await self.lost(key, error)
            }
        }
    }

    private func update(_ key: String, with progress: JobProgress) async {
        guard var entry = jobs[key] else { return }
        let before = entry.status
        entry.status.update(with: progress, at: Date())
        jobs[key] = entry
        if entry.status.state != before.state || entry.status.messageChinese != before.messageChinese {
            await publish(entry.status)
        }
    }

    /// The printer could no longer be asked about the job: say so, without guessing it failed.
    private func lost(_ key: String, _ error: any Error) async {
        logger.warning("lost track of a print job", metadata: ["key": "\(key)", "error": "\(error)"])
        guard var entry = jobs[key], !entry.status.isFinished else { return }
        entry.status.messageChinese = "暂时无法获取打印状态，请联系工作人员。"
        entry.status.message = "The printer's state cannot be read just now. Please ask staff for help."
        entry.status.updatedAt = Date()
        jobs[key] = entry
        await publish(entry.status)
    }

    private func publish(_ status: PrintJobStatus) async {
        await events.publish(
            ServerEvent(
                type: "print-job", job: status.key, state: status.state.rawValue,
                messageChinese: status.messageChinese, message: status.message))
    }

    private func forgetOldJobs(before cutoff: Date) {
        jobs = jobs.filter { !$0.value.status.isFinished || $0.value.status.updatedAt >= cutoff }
    }
}
