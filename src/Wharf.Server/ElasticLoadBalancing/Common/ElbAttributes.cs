using Wharf.Protocol.Generated.ElasticLoadBalancingV2;

namespace Wharf.Server.ElasticLoadBalancing.Common;

/// <summary>
/// The attributes of balancers, target groups and listeners with the defaults AWS reports, and
/// the check of a modify request: known key, value of the right kind. Stored records keep only
/// what was set; describe merges the defaults in.
/// </summary>
internal static class ElbAttributes
{
    public const string IdleTimeout = "idle_timeout.timeout_seconds";
    public const string DeregistrationDelay = "deregistration_delay.timeout_seconds";
    public const string SlowStart = "slow_start.duration_seconds";

    public static readonly IReadOnlyList<KeyValuePair<string, string>> LoadBalancerDefaults =
    [
        new("access_logs.s3.enabled", "false"),
        new("access_logs.s3.bucket", ""),
        new("access_logs.s3.prefix", ""),
        new("connection_logs.s3.enabled", "false"),
        new("connection_logs.s3.bucket", ""),
        new("connection_logs.s3.prefix", ""),
        new("deletion_protection.enabled", "false"),
        new(IdleTimeout, "60"),
        new("client_keep_alive.seconds", "3600"),
        new("routing.http.desync_mitigation_mode", "defensive"),
        new("routing.http.drop_invalid_header_fields.enabled", "false"),
        new("routing.http.preserve_host_header.enabled", "false"),
        new("routing.http.x_amzn_tls_version_and_cipher_suite.enabled", "false"),
        new("routing.http.xff_client_port.enabled", "false"),
        new("routing.http.xff_header_processing.mode", "append"),
        new("routing.http2.enabled", "true"),
        new("waf.fail_open.enabled", "false"),
        new("zonal_shift.config.enabled", "false"),
    ];

    public static readonly IReadOnlyList<KeyValuePair<string, string>> TargetGroupDefaults =
    [
        new(DeregistrationDelay, "300"),
        new("stickiness.enabled", "false"),
        new("stickiness.type", "lb_cookie"),
        new("stickiness.lb_cookie.duration_seconds", "86400"),
        new("stickiness.app_cookie.cookie_name", ""),
        new("stickiness.app_cookie.duration_seconds", "86400"),
        new("load_balancing.algorithm.type", "round_robin"),
        new("load_balancing.algorithm.anomaly_mitigation", "off"),
        new("load_balancing.cross_zone.enabled", "use_load_balancer_configuration"),
        new(SlowStart, "0"),
        new("target_group_health.dns_failover.minimum_healthy_targets.count", "1"),
        new("target_group_health.dns_failover.minimum_healthy_targets.percentage", "off"),
        new("target_group_health.unhealthy_state_routing.minimum_healthy_targets.count", "1"),
        new("target_group_health.unhealthy_state_routing.minimum_healthy_targets.percentage", "off"),
    ];

    public static readonly IReadOnlyList<KeyValuePair<string, string>> ListenerDefaults =
    [
        new("routing.http.response.server.enabled", "true"),
        new("routing.http.request.x_amzn_mtls_clientcert_serial_number.header_name", "X-Amzn-Mtls-Clientcert-Serial-Number"),
        new("routing.http.request.x_amzn_tls_version.header_name", "X-Amzn-Tls-Version"),
    ];

    /// <summary>Defaults overlaid with the stored values, in the defaults' order.</summary>
    public static List<KeyValuePair<string, string>> Merge(IReadOnlyList<KeyValuePair<string, string>> defaults, IReadOnlyDictionary<string, string> set) =>
        defaults.Select(d => new KeyValuePair<string, string>(d.Key, set.TryGetValue(d.Key, out var v) ? v : d.Value)).ToList();

    /// <summary>Applies a modify request to the stored values, refusing unknown keys and bad values.</summary>
    public static Dictionary<string, string> Apply(
        IReadOnlyList<KeyValuePair<string, string>> defaults, IReadOnlyDictionary<string, string> current, IEnumerable<(string? Key, string? Value)> changes)
    {
        var result = new Dictionary<string, string>(current, StringComparer.Ordinal);
        var known = defaults.ToDictionary(d => d.Key, d => d.Value, StringComparer.Ordinal);
        var any = false;
        foreach (var (key, value) in changes)
        {
            any = true;
            if (key is null || !known.TryGetValue(key, out var fallback))
            {
                throw ElbErrors.Validation($"Attribute key '{key}' is not recognized");
            }

            var v = value ?? "";
            Check(key, v, fallback);
            result[key] = v;
        }

        if (!any)
        {
            throw ElbErrors.Validation("At least one attribute must be specified");
        }

        return result;
    }

    public static int DeregistrationDelaySeconds(IReadOnlyDictionary<string, string> set) =>
        set.TryGetValue(DeregistrationDelay, out var v) && int.TryParse(v, System.Globalization.CultureInfo.InvariantCulture, out var s) ? s : 300;

    public static List<LoadBalancerAttribute> ToLoadBalancerWire(IReadOnlyDictionary<string, string> set) =>
        Merge(LoadBalancerDefaults, set).Select(a => new LoadBalancerAttribute { Key = a.Key, Value = a.Value }).ToList();

    public static List<TargetGroupAttribute> ToTargetGroupWire(IReadOnlyDictionary<string, string> set) =>
        Merge(TargetGroupDefaults, set).Select(a => new TargetGroupAttribute { Key = a.Key, Value = a.Value }).ToList();

    public static List<ListenerAttribute> ToListenerWire(IReadOnlyDictionary<string, string> set) =>
        Merge(ListenerDefaults, set).Select(a => new ListenerAttribute { Key = a.Key, Value = a.Value }).ToList();

    private static void Check(string key, string value, string fallback)
    {
        var (min, max) = key switch
        {
            IdleTimeout => (1, 4000),
            DeregistrationDelay => (0, 3600),
            SlowStart => (0, 900),
            "stickiness.lb_cookie.duration_seconds" or "stickiness.app_cookie.duration_seconds" => (1, 604800),
            "client_keep_alive.seconds" => (60, 604800),
            _ => (-1, -1),
        };
        if (min >= 0)
        {
            if (!int.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var n) || n < min || n > max)
            {
                throw ElbErrors.Validation($"The value of '{key}' must be an integer from {min} to {max}");
            }
        }
        else if (fallback is "true" or "false" && value is not ("true" or "false"))
        {
            throw ElbErrors.Validation($"The value of '{key}' must be 'true' or 'false'");
        }
    }
}
