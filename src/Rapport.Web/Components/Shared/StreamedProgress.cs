using Microsoft.AspNetCore.Components;

namespace Rapport.Web.Components.Shared;

/// <summary>
/// Runs long work and shows how far it has got. Placed inside a <c>StreamedRegion</c>, the run is this component's own
/// work, so the response starts with the component and each new state it reports is streamed as it comes; see
/// ImportProgressBar and the pay period's CalculationProgressBar.
/// </summary>
public abstract class StreamedProgress<T> : ComponentBase, IProgress<T>
{
    /// <summary>
    /// New states are sent at most this often, on top of the work's own reports, so that fast work spends its time on
    /// itself rather than on HTML; the first one is always shown.
    /// </summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    private long _shownAt;
    private bool _shownOnce;

    /// <summary>The work, reporting its progress here.</summary>
    [Parameter, EditorRequired] public Func<IProgress<T>, Task> Run { get; set; } = default!;

    [Inject] private TimeProvider Clock { get; set; } = default!;

    /// <summary>The state last shown; the default until the work first reports.</summary>
    protected T? Shown { get; private set; }

    protected override async Task OnInitializedAsync()
    {
        // The response starts with the component only once this yields, and the work need not: SQLite's provider
        // completes its asynchronous calls synchronously, so the whole run could otherwise finish before the first byte.
        await Task.Yield();
        await Run(this);
    }

    /// <summary>Whether a new state is shown however soon it follows the last one, such as a new stage of the work.</summary>
    protected virtual bool IsMilestone(T shown, T value) => false;

    void IProgress<T>.Report(T value)
    {
        var now = Clock.GetTimestamp();
        if (_shownOnce && !IsMilestone(Shown!, value) && Clock.GetElapsedTime(_shownAt, now) < Interval)
        {
            return;
        }

        Shown = value;
        (_shownAt, _shownOnce) = (now, true);
        _ = InvokeAsync(StateHasChanged);
    }
}
