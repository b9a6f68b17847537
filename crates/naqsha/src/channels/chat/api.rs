//! Calls to a chat platform's HTTP API (WhatsApp's Graph API, Telegram's Bot API): a client
//! that follows no redirect and sends no referrer, answers read with a size limit, and only
//! to hosts the configuration names.
//!
//! Errors carry neither a URL nor a body: a Telegram URL holds the bot's token, and a body
//! may hold a reporter's number.

use std::time::Duration;

use reqwest::header::{AUTHORIZATION, CONTENT_TYPE, HeaderValue};
use url::Url;

/// The longest a platform may take to answer one call, a download included.
const CALL_TIME: Duration = Duration::from_secs(60);
/// The longest a connection may take to open.
const CONNECT_TIME: Duration = Duration::from_secs(10);
/// The largest JSON answer read (media descriptions and send results are a few hundred
/// bytes).
const MAX_JSON: usize = 256 * 1024;

/// Why a call to the platform's API did not give what was asked.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ApiError {
    /// The URL is not on a host the configuration allows: nothing was sent.
    #[error("the address is not on an allowed host")]
    HostNotAllowed,
    /// The answer is larger than allowed; reading stopped there.
    #[error("the answer is larger than {max} bytes")]
    TooLarge {
        /// The limit in bytes.
        max: usize,
    },
    /// The platform answered with an error status (a redirect counts as one).
    #[error("the platform answered {0}")]
    Status(u16),
    /// The platform could not be reached, or stopped answering.
    #[error("the platform could not be reached: {0}")]
    Network(String),
    /// The answer is not the JSON expected.
    #[error("the answer is not the JSON expected")]
    NotJson,
}

/// Where an API may be called: a scheme, a host and a port.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    scheme: String,
    host: String,
    port: Option<u16>,
}

impl Origin {
    /// The origin of `url`; none when it has no host.
    pub fn of(url: &Url) -> Option<Self> {
        Some(Self {
            scheme: url.scheme().to_owned(),
            host: url.host_str()?.to_ascii_lowercase(),
            port: url.port_or_known_default(),
        })
    }

    /// An `https` origin on the default port for a bare host name.
    pub fn https(host: &str) -> Self {
        Self {
            scheme: "https".to_owned(),
            host: host.to_ascii_lowercase(),
            port: Some(443),
        }
    }

    /// Whether `url` is on this origin.
    pub fn holds(&self, url: &Url) -> bool {
        Origin::of(url).is_some_and(|o| &o == self)
    }
}

/// The HTTP client of the chat channels.
#[derive(Clone)]
pub struct ApiClient {
    http: reqwest::Client,
}

impl ApiClient {
    /// A client that follows no redirect: a redirect could carry the access token to
    /// another host, so it is refused like any other unexpected answer.
    pub fn new() -> reqwest::Result<Self> {
        let http = reqwest::Client::builder()
            .user_agent("Naqsha")
            .referer(false)
            .redirect(reqwest::redirect::Policy::none())
            .timeout(CALL_TIME)
            .connect_timeout(CONNECT_TIME)
            .build()?;
        Ok(Self { http })
    }

    /// GETs `url` and reads a JSON answer.
    pub async fn get_json(
        &self,
        url: &Url,
        allowed: &[Origin],
        bearer: Option<&str>,
    ) -> Result<serde_json::Value, ApiError> {
        let req = self.http.get(url.clone());
        let bytes = self.send(req, url, allowed, bearer, MAX_JSON).await?;
        serde_json::from_slice(&bytes).map_err(|_| ApiError::NotJson)
    }

    /// POSTs `body` as JSON to `url` and reads a JSON answer.
    pub async fn post_json(
        &self,
        url: &Url,
        allowed: &[Origin],
        bearer: Option<&str>,
        body: &serde_json::Value,
    ) -> Result<serde_json::Value, ApiError> {
        let req = self
            .http
            .post(url.clone())
            .header(CONTENT_TYPE, HeaderValue::from_static("application/json"))
            .body(body.to_string());
        let bytes = self.send(req, url, allowed, bearer, MAX_JSON).await?;
        serde_json::from_slice(&bytes).map_err(|_| ApiError::NotJson)
    }

    /// GETs a file at `url`, reading at most `max_bytes`.
    pub async fn download(
        &self,
        url: &Url,
        allowed: &[Origin],
        bearer: Option<&str>,
        max_bytes: usize,
    ) -> Result<Vec<u8>, ApiError> {
        let req = self.http.get(url.clone());
        self.send(req, url, allowed, bearer, max_bytes).await
    }

    async fn send(
        &self,
        mut req: reqwest::RequestBuilder,
        url: &Url,
        allowed: &[Origin],
        bearer: Option<&str>,
        max_bytes: usize,
    ) -> Result<Vec<u8>, ApiError> {
        if !allowed.iter().any(|o| o.holds(url)) {
            return Err(ApiError::HostNotAllowed);
        }
        if let Some(token) = bearer {
            let mut value = HeaderValue::from_str(&format!("Bearer {token}"))
                .map_err(|_| ApiError::Network("the access token is not a header value".into()))?;
            value.set_sensitive(true);
            req = req.header(AUTHORIZATION, value);
        }
        let mut resp = req.send().await.map_err(|e| network(&e))?;
        let status = resp.status();
        if !status.is_success() {
            return Err(ApiError::Status(status.as_u16()));
        }
        if resp.content_length().is_some_and(|n| n > max_bytes as u64) {
            return Err(ApiError::TooLarge { max: max_bytes });
        }
        let mut bytes = Vec::new();
        while let Some(chunk) = resp.chunk().await.map_err(|e| network(&e))? {
            if bytes.len() + chunk.len() > max_bytes {
                return Err(ApiError::TooLarge { max: max_bytes });
            }
            bytes.extend_from_slice(&chunk);
        }
        Ok(bytes)
    }
}

/// A network failure in words that hold no URL.
fn network(e: &reqwest::Error) -> ApiError {
    let what = if e.is_timeout() {
        "timed out".to_owned()
    } else if e.is_connect() {
        "could not connect".to_owned()
    } else {
        let mut s = e.to_string();
        if let Some(url) = e.url() {
            s = s.replace(url.as_str(), "…");
        }
        s
    };
    ApiError::Network(what)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_same_scheme_host_and_port_are_the_same_origin() {
        let api = Origin::of(&Url::parse("https://graph.facebook.com/v23.0").unwrap()).unwrap();
        assert!(api.holds(&Url::parse("https://graph.facebook.com/123").unwrap()));
        assert!(api.holds(&Url::parse("https://GRAPH.facebook.com:443/x").unwrap()));
        assert!(!api.holds(&Url::parse("http://graph.facebook.com/x").unwrap()));
        assert!(!api.holds(&Url::parse("https://graph.facebook.com:8443/x").unwrap()));
        assert!(!api.holds(&Url::parse("https://graph.facebook.com.evil.example/x").unwrap()));
        let media = Origin::https("lookaside.fbsbx.com");
        assert!(
            media.holds(
                &Url::parse("https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=1")
                    .unwrap()
            )
        );
        assert!(!media.holds(&Url::parse("https://fbsbx.com/x").unwrap()));
    }

    #[tokio::test]
    async fn a_url_on_another_host_is_never_called() {
        let client = ApiClient::new().unwrap();
        let allowed = [Origin::https("graph.facebook.com")];
        // Port 9 on loopback: were it called, the error would be a network one.
        let url = Url::parse("http://127.0.0.1:9/media").unwrap();
        assert_eq!(
            client.download(&url, &allowed, Some("token"), 10).await,
            Err(ApiError::HostNotAllowed)
        );
    }
}
