using Rapport.Service;

namespace Rapport.Web.Features.Service;

/// <summary>Display names of the e-mail intake's enumerations.</summary>
internal static class IntakeLabels
{
    public static string Of(IntakeReason? reason) => reason switch
    {
        IntakeReason.UnknownSender => ServiceTexts.IntakeReasonUnknownSender,
        IntakeReason.SenderOnSeveralAccounts => ServiceTexts.IntakeReasonSenderOnSeveralAccounts,
        null => "—",
        _ => reason.Value.ToString(),
    };

    public static string Of(IntakeState state) => state switch
    {
        IntakeState.Waiting => ServiceTexts.IntakeStateWaiting,
        IntakeState.Filed => ServiceTexts.IntakeStateFiled,
        IntakeState.Dismissed => ServiceTexts.IntakeStateDismissed,
        _ => state.ToString(),
    };
}
