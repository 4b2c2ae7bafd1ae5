namespace Wharf.EndToEnd.Tests.Walkthrough;

/// <summary>Snippets the README must show word for word, because tests run them.</summary>
public static class ReadmeText
{
    /// <summary>The AWS CLI profile in <c>~/.aws/config</c>.</summary>
    public const string ProfileConfig = """
        [profile wharf]
        region = us-east-1
        endpoint_url = http://127.0.0.1:4566

        """;

    /// <summary>The local key pair in <c>~/.aws/credentials</c>.</summary>
    public const string ProfileCredentials = """
        [wharf]
        aws_access_key_id = AKIAWHARF0LOCAL0KEY0
        aws_secret_access_key = wharf-local-secret-access-key-0000000000

        """;
}
