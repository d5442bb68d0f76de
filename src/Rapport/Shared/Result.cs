namespace Rapport.Shared;

/// <summary>The kind of an expected business failure; hosts map it to an HTTP status or a UI message.</summary>
public enum ErrorKind
{
    Validation,
    NotFound,
    Conflict,
    Forbidden,
}

/// <summary>An expected business failure with a message a user can act on, and the input field it concerns if any.</summary>
public sealed record Error(ErrorKind Kind, string Message, string? Field = null)
{
    public static Error NotFound(string message) => new(ErrorKind.NotFound, message);

    public static Error Conflict(string message) => new(ErrorKind.Conflict, message);

    public static Error Invalid(string field, string message) => new(ErrorKind.Validation, message, field);

    public static Error StaleVersion() => new(ErrorKind.Conflict, Texts.ErrorStaleVersion);
}

/// <summary>The outcome of a command: success, or the errors that stopped it.</summary>
public class Result
{
    private static readonly Result Success = new([]);

    protected Result(IReadOnlyList<Error> errors) => Errors = errors;

    public IReadOnlyList<Error> Errors { get; }

    public bool IsSuccess => Errors.Count == 0;

    public static Result Ok() => Success;

    public static Result Fail(params Error[] errors) => new(errors);

    public static implicit operator Result(Error error) => Fail(error);
}

/// <summary>The outcome of a command that yields a value on success.</summary>
public sealed class Result<T> : Result
{
    private readonly T? _value;

    private Result(T value) : base([]) => _value = value;

    private Result(IReadOnlyList<Error> errors) : base(errors) { }

    public T Value => IsSuccess ? _value! : throw new InvalidOperationException("A failed result has no value.");

    public static Result<T> Ok(T value) => new(value);

    public static new Result<T> Fail(params Error[] errors) => new(errors);

    public static implicit operator Result<T>(T value) => Ok(value);

    public static implicit operator Result<T>(Error error) => Fail(error);
}
