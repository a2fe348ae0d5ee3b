//! Which names a request may give in its `Host` header, and who may be
//! shown the preview.
//!
//! A page on another web site can point its own name at this computer
//! (DNS rebinding): the browser then sends the preview's pages to that
//! page as if they were its own, and sends that name as `Host`. Refusing
//! every name the preview does not answer to keeps such a page from
//! reading it. An address written as numbers cannot be re-pointed, so it
//! is safe wherever it reaches the preview.

use crate::resolve::Publish;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{StatusCode, header};
use axum::middleware::Next;
use axum::response::Response;
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

/// Who may reach the preview beyond what it listens on.
#[derive(Debug, Clone, Default)]
pub struct Network {
    /// Offer drafts and exempt papers on an address other computers can
    /// reach. Without it, `--drafts` or `--include-exempt` with such an
    /// address is refused.
    pub allow_remote: bool,
    /// Names, besides `localhost` and addresses, that requests may give
    /// as `Host`: the computer's name on the network, for colleagues.
    pub host_names: Vec<String>,
}

/// The names and addresses a request's `Host` may give.
#[derive(Debug, Clone)]
pub struct Hosts {
    bound: IpAddr,
    names: Vec<String>,
}

impl Hosts {
    pub fn new(bound: IpAddr, names: &[String]) -> Hosts {
        Hosts {
            bound: bound.to_canonical(),
            names: names.to_vec(),
        }
    }

    /// Whether a request whose `Host` header is `host` may be answered:
    /// `localhost`; an address, when the preview listens on it (any
    /// loopback address when it listens on loopback, any address when it
    /// listens on all); a name given with `--host-name`. The port is not
    /// checked: a page elsewhere controls the name it sends, not the port.
    pub fn allows(&self, host: &str) -> bool {
        let Some(name) = host_name(host) else {
            return false;
        };
        if name.eq_ignore_ascii_case("localhost") {
            return true;
        }
        let literal = name
            .strip_prefix('[')
            .and_then(|n| n.strip_suffix(']'))
            .unwrap_or(name);
        if let Ok(ip) = literal.parse::<IpAddr>() {
            let ip = ip.to_canonical();
            return if self.bound.is_unspecified() {
                true
            } else if self.bound.is_loopback() {
                ip.is_loopback()
            } else {
                ip == self.bound
            };
        }
        self.names.iter().any(|n| n.eq_ignore_ascii_case(name))
    }
}

/// The name part of a `Host` header (`name`, `name:port`, `[v6]:port`),
/// with an IPv6 address's brackets; `None` when it is not one of those.
fn host_name(host: &str) -> Option<&str> {
    let (name, port) = match host.find(']') {
        Some(end) if host.starts_with('[') => (&host[..=end], &host[end + 1..]),
        Some(_) => return None,
        None => match host.rsplit_once(':') {
            Some((name, _)) => (name, &host[name.len()..]),
            None => (host, ""),
        },
    };
    let port_ok = port.is_empty()
        || port
            .strip_prefix(':')
            .is_some_and(|p| p.parse::<u16>().is_ok());
    let name_ok = !name.is_empty() && (name.starts_with('[') || !name.contains(':'));
    (port_ok && name_ok).then_some(name)
}

/// Answers a request only when its `Host` is one the preview answers to;
/// any other gets 400 and a plain reason, and nothing of the site.
pub async fn check(State(hosts): State<Arc<Hosts>>, request: Request, next: Next) -> Response {
    let host = request
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok());
    if host.is_some_and(|h| hosts.allows(h)) {
        return next.run(request).await;
    }
    Response::builder()
        .status(StatusCode::BAD_REQUEST)
        .header(header::CONTENT_TYPE, "text/plain; charset=utf-8")
        .header(header::CACHE_CONTROL, "no-store")
        .body(Body::from(
            "This preview only answers to localhost and the addresses it listens on, so that \
             other web sites cannot read it. To open it by this computer's name, start it \
             with --host-name <name>.\n",
        ))
        .unwrap_or_default()
}

/// What is shown besides published documents, in words.
fn unpublished(publish: Publish) -> Option<&'static str> {
    match (publish.exempt, publish.drafts) {
        (true, true) => Some("exempt papers and drafts"),
        (true, false) => Some("exempt papers"),
        (false, true) => Some("drafts"),
        (false, false) => None,
    }
}

/// Refuses to offer exempt papers or drafts on an address other computers
/// can reach, unless `--allow-remote` says so.
pub fn refuse_exposure(bind: IpAddr, publish: Publish, network: &Network) -> Result<(), String> {
    match unpublished(publish) {
        Some(what) if !bind.to_canonical().is_loopback() && !network.allow_remote => Err(format!(
            "--bind {bind} would show {what} to anyone who can reach this computer, with no password; \
             leave out --bind to keep the preview on this computer, or add --allow-remote if everyone \
             on this network may read them"
        )),
        _ => Ok(()),
    }
}

/// What to warn about a preview listening on `addr`: `None` on loopback.
pub fn exposure_warning(addr: SocketAddr, publish: Publish) -> Option<String> {
    if addr.ip().to_canonical().is_loopback() {
        return None;
    }
    let including = unpublished(publish)
        .map(|w| format!(", including {w},"))
        .unwrap_or_default();
    Some(format!(
        "the preview is listening on {}: anyone who can reach this computer on port {} can read \
         every page{including} and there is no password; leave out --bind to keep it on this computer",
        addr.ip(),
        addr.port()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hosts(bound: &str, names: &[&str]) -> Hosts {
        let names: Vec<String> = names.iter().map(|n| n.to_string()).collect();
        Hosts::new(bound.parse().expect("an address"), &names)
    }

    #[test]
    fn on_loopback_only_loopback_names_are_answered() {
        let h = hosts("127.0.0.1", &[]);
        for ok in [
            "localhost",
            "localhost:1111",
            "LocalHost:1",
            "127.0.0.1:1111",
            "[::1]:1111",
            "[::1]",
        ] {
            assert!(h.allows(ok), "{ok}");
        }
        for refused in [
            "evil.example",
            "evil.example:1111",
            "localhost.evil.example",
            "192.0.2.7:1111",
            "::1",
            "127.0.0.1:",
            "127.0.0.1:99999",
            "user@localhost",
            "[::1]x",
            "",
            "127.1",
        ] {
            assert!(!h.allows(refused), "{refused}");
        }
    }

    #[test]
    fn on_one_address_that_address_and_given_names_are_answered() {
        let h = hosts("192.0.2.7", &["Preview.Council.Internal"]);
        assert!(h.allows("192.0.2.7:1111"));
        assert!(h.allows("preview.council.internal:1111"));
        assert!(!h.allows("192.0.2.8:1111"));
        assert!(!h.allows("127.0.0.1:1111"));
        assert!(!h.allows("other.council.internal"));
    }

    #[test]
    fn on_every_address_any_address_but_no_other_name_is_answered() {
        let h = hosts("::", &[]);
        assert!(h.allows("192.0.2.7:1111"));
        assert!(h.allows("[2001:db8::1]:1111"));
        assert!(h.allows("localhost"));
        assert!(!h.allows("evil.example:1111"));
    }

    #[test]
    fn unpublished_papers_need_allow_remote_off_loopback() {
        let exempt = Publish {
            exempt: true,
            drafts: false,
        };
        let any: IpAddr = "0.0.0.0".parse().expect("an address");
        let lo: IpAddr = "::1".parse().expect("an address");
        assert!(refuse_exposure(any, exempt, &Network::default()).is_err());
        assert!(refuse_exposure(lo, exempt, &Network::default()).is_ok());
        assert!(refuse_exposure(any, Publish::default(), &Network::default()).is_ok());
        let allowed = Network {
            allow_remote: true,
            host_names: Vec::new(),
        };
        assert!(refuse_exposure(any, exempt, &allowed).is_ok());
    }
}
