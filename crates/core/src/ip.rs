//! IP addresses and CIDR blocks as RAM's IP operators read them: one parser for the linter
//! (is the value an address?), the evaluator (does the block hold the request's address?)
//! and the private-range rule (is the whole block private?).

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

/// An address or CIDR block from a policy: the network and its prefix length.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Block {
    V4 { network: u32, prefix: u32 },
    V6 { network: u128, prefix: u32 },
}

/// The private and shared IPv4 ranges: RFC 1918 and RFC 6598 (100.64.0.0/10).
const PRIVATE: [(u32, u32); 4] = [
    (0x0A00_0000, 8),
    (0xAC10_0000, 12),
    (0xC0A8_0000, 16),
    (0x6440_0000, 10),
];

impl Block {
    /// An IPv4 or IPv6 address, optionally with a prefix length (`/24`, at most 32 or 128).
    pub fn parse(text: &str) -> Option<Block> {
        let (address, prefix) = match text.split_once('/') {
            Some((a, p)) => {
                let valid = !p.is_empty() && p.len() <= 3 && p.bytes().all(|b| b.is_ascii_digit());
                (a, Some(p.parse::<u32>().ok().filter(|_| valid)?))
            }
            None => (text, None),
        };
        if let Ok(v4) = address.parse::<Ipv4Addr>() {
            let prefix = prefix.unwrap_or(32);
            return (prefix <= 32).then_some(Block::V4 {
                network: u32::from(v4),
                prefix,
            });
        }
        let v6 = address.parse::<Ipv6Addr>().ok()?;
        let prefix = prefix.unwrap_or(128);
        (prefix <= 128).then_some(Block::V6 {
            network: u128::from(v6),
            prefix,
        })
    }

    /// IPv4 addresses are only in IPv4 blocks and IPv6 in IPv6 ones; an IPv4-mapped IPv6
    /// address is not converted.
    pub fn contains(self, address: IpAddr) -> bool {
        match (self, address) {
            (Block::V4 { network, prefix }, IpAddr::V4(a)) => {
                let mask = u32::MAX.checked_shl(32 - prefix).unwrap_or(0);
                (u32::from(a) & mask) == (network & mask)
            }
            (Block::V6 { network, prefix }, IpAddr::V6(a)) => {
                let mask = u128::MAX.checked_shl(128 - prefix).unwrap_or(0);
                (u128::from(a) & mask) == (network & mask)
            }
            _ => false,
        }
    }

    /// Whether every address of the block is private or shared: the block lies inside one of
    /// the private ranges (`10.0.0.0/1` does not, though its first address is private).
    pub fn is_private(self) -> bool {
        let Block::V4 { network, prefix } = self else {
            return false;
        };
        PRIVATE.iter().any(|&(range, range_prefix)| {
            let mask = u32::MAX.checked_shl(32 - range_prefix).unwrap_or(0);
            prefix >= range_prefix && (network & mask) == range
        })
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn parses_what_ram_accepts_and_nothing_else() {
        for ok in [
            "10.0.0.1",
            "10.0.0.0/8",
            "0.0.0.0/0",
            "2001:db8::/32",
            "::1",
        ] {
            assert!(Block::parse(ok).is_some(), "{ok}");
        }
        for bad in [
            "10.0.0.0/33",
            "10.0.0.0/",
            "10.0.0.0/+8",
            "2001:db8::/129",
            "10.0.0",
            "x",
            "10.0.0.0/0008",
        ] {
            assert!(Block::parse(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn private_means_the_whole_block_is_private() {
        let private = |t: &str| Block::parse(t).unwrap().is_private();
        assert!(private("10.0.0.0/8"));
        assert!(private("10.1.2.3"));
        assert!(private("172.16.0.0/12"));
        assert!(private("172.31.255.255/32"));
        assert!(!private("172.32.0.0/16"));
        assert!(private("192.168.0.0/16"));
        assert!(private("100.64.0.0/10"));
        assert!(!private("100.128.0.0/10"));
        // A block reaching outside a private range is not private, at the boundary.
        assert!(!private("10.0.0.0/7"));
        assert!(!private("10.0.0.0/1"));
        assert!(!private("172.16.0.0/11"));
        assert!(!private("192.168.0.0/15"));
        assert!(!private("8.8.8.8"));
        assert!(!private("::1"));
    }

    #[test]
    fn blocks_hold_their_addresses() {
        let block = Block::parse("192.168.0.0/16").unwrap();
        assert!(block.contains("192.168.3.4".parse().unwrap()));
        assert!(!block.contains("192.169.0.1".parse().unwrap()));
        assert!(Block::parse("0.0.0.0/0")
            .unwrap()
            .contains("8.8.8.8".parse().unwrap()));
        assert!(!block.contains("::1".parse().unwrap()));
    }
}
