using Wharf.Agent.Engine;
using Wharf.Protocol.AgentChannel;

namespace Wharf.Agent.ControlPlane;

/// <summary>
/// Outbound task state, kept until the server acknowledges it, across reconnects. Reports wait
/// in <em>pending</em>, one per task (a newer report of a task replaces the older one: each is a
/// full snapshot and the server never moves a task backwards). One batch at a time is
/// <em>in flight</em>: it keeps its id and content until acked, then the next batch is cut, so
/// reports of one task reach the server in order. Thread-safe.
/// </summary>
internal sealed class ReportQueue(Func<string> newId, int maxBatchSize = 100) : IReportSink
{
    private readonly Lock _gate = new();
    private readonly List<TaskStateReport> _pending = [];
    private OutboundBatch? _inFlight;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes at the next change (a report published or a batch acked); take it before checking state.</summary>
    public Task Changed
    {
        get
        {
            lock (_gate)
            {
                return _changed.Task;
            }
        }
    }

    public int PendingCount
    {
        get
        {
            lock (_gate)
            {
                return _pending.Count;
            }
        }
    }

    /// <summary>The batch sent and not yet acked, if any.</summary>
    public OutboundBatch? InFlight
    {
        get
        {
            lock (_gate)
            {
                return _inFlight;
            }
        }
    }

    public void Publish(TaskStateReport report)
    {
        lock (_gate)
        {
            var index = _pending.FindIndex(r => r.TaskArn == report.TaskArn);
            if (index >= 0)
            {
                _pending[index] = report;
            }
            else
            {
                _pending.Add(report);
            }

            SignalLocked();
        }
    }

    /// <summary>The in-flight batch, or a new one cut from pending; null when there is nothing to send.</summary>
    public OutboundBatch? NextBatch()
    {
        lock (_gate)
        {
            if (_inFlight is null && _pending.Count > 0)
            {
                var take = Math.Min(maxBatchSize, _pending.Count);
                _inFlight = new OutboundBatch(newId(), new TaskStateBatch { Tasks = [.. _pending.Take(take)] });
                _pending.RemoveRange(0, take);
            }

            return _inFlight;
        }
    }

    /// <summary>Settles the in-flight batch when <paramref name="id"/> is its id.</summary>
    public bool Acknowledge(string id)
    {
        lock (_gate)
        {
            if (_inFlight?.Id != id)
            {
                return false;
            }

            _inFlight = null;
            SignalLocked();
            return true;
        }
    }

    private void SignalLocked()
    {
        var previous = _changed;
        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        previous.TrySetResult();
    }
}
