using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Rapport.Shared;

namespace Rapport.Web;

/// <summary>Turns business results into RFC 9457 problem responses, the same way for every endpoint.</summary>
internal static class ApiResults
{
    public static ProblemHttpResult Problem(IReadOnlyList<Error> errors)
    {
        var first = errors[0];
        if (first.Kind == ErrorKind.Validation)
        {
            return FieldProblem(errors.Select(e => (e.Field ?? "", e.Message)));
        }

        var status = first.Kind switch
        {
            ErrorKind.NotFound => StatusCodes.Status404NotFound,
            ErrorKind.Conflict => StatusCodes.Status409Conflict,
            ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
            _ => StatusCodes.Status400BadRequest,
        };
        return TypedResults.Problem(detail: first.Message, statusCode: status);
    }

    /// <summary>
    /// 400 with the messages beside the fields they concern, each named as the client sends it: the camelCase JSON
    /// name (<c>registrationNumber</c>, <c>emails[1]</c>) of the C# member a handler or an annotation names.
    /// </summary>
    public static ProblemHttpResult FieldProblem(IEnumerable<(string Field, string Message)> errors) =>
        TypedResults.Problem(new HttpValidationProblemDetails(errors
            .GroupBy(e => JsonField(e.Field), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Message).Distinct(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal))
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "One or more fields are invalid.",
        });

    /// <summary>
    /// A member path as the JSON has it: each segment's name in camelCase, indexes kept (<c>Emails[1]</c> is
    /// <c>emails[1]</c>, <c>Address.PostCode</c> is <c>address.postCode</c>). The API's JSON uses the web defaults,
    /// whose naming policy is camelCase, and no input renames a member.
    /// </summary>
    public static string JsonField(string member) =>
        string.Join('.', member.Split('.').Select(segment =>
        {
            var index = segment.IndexOf('[', StringComparison.Ordinal);
            return index < 0
                ? JsonNamingPolicy.CamelCase.ConvertName(segment)
                : JsonNamingPolicy.CamelCase.ConvertName(segment[..index]) + segment[index..];
        }));

    public static ProblemHttpResult NotFound(string message) =>
        TypedResults.Problem(detail: message, statusCode: StatusCodes.Status404NotFound);

    /// <summary>200 with the record, or 404 with the message when the caller may not see it.</summary>
    public static Results<Ok<T>, ProblemHttpResult> OkOrNotFound<T>(T? value, string message) where T : class =>
        value is null ? NotFound(message) : TypedResults.Ok(value);

    /// <summary>200 with the record read back after a successful change, or the problem that stopped the change.</summary>
    public static async Task<Results<Ok<T>, ProblemHttpResult>> OkAfter<T>(Result result, Func<Task<T?>> readBack) where T : class =>
        result.IsSuccess ? TypedResults.Ok((await readBack())!) : Problem(result.Errors);

    /// <summary>201 with the created record and its route, or the problem that stopped the creation.</summary>
    public static async Task<Results<CreatedAtRoute<T>, ProblemHttpResult>> CreatedAt<T>(
        Result<Guid> result, string routeName, Func<Guid, Task<T?>> readBack) where T : class =>
        result.IsSuccess
            ? TypedResults.CreatedAtRoute((await readBack(result.Value))!, routeName, new { id = result.Value })
            : Problem(result.Errors);

    /// <summary>204, or the problem that stopped the command.</summary>
    public static Results<NoContent, ProblemHttpResult> NoContentOr(Result result) =>
        result.IsSuccess ? TypedResults.NoContent() : Problem(result.Errors);

    /// <summary>Validates a bound body by its data annotations before the handler runs.</summary>
    public static RouteHandlerBuilder Validates<T>(this RouteHandlerBuilder builder) where T : class =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var input = context.Arguments.OfType<T>().FirstOrDefault();
            if (input is null)
            {
                return TypedResults.Problem(detail: Texts.ApiBodyRequired, statusCode: StatusCodes.Status400BadRequest);
            }

            var results = new List<ValidationResult>();
            if (Validator.TryValidateObject(input, new ValidationContext(input), results, validateAllProperties: true))
            {
                return await next(context);
            }

            return FieldProblem(results.SelectMany(r =>
                (r.MemberNames.Any() ? r.MemberNames : [""]).Select(member => (member, r.ErrorMessage ?? Texts.ApiInvalidValue))));
        }).ProducesValidationProblem();
}
