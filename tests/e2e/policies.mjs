// Policies the browser tests type into the page, with the positions a person would read
// off the screen. Lines are 1-based; columns count UTF-16 units, as the page shows them.

export const VALID = `{
  "Version": "1",
  "Statement": [{
    "Effect": "Allow",
    "Action": "oss:GetObject",
    "Resource": "acs:oss:*:*:example-bucket/*"
  }]
}
`;

// `"allow "` on line 4 starts at column 15: four spaces, then `"Effect": ` (10 characters).
export const BAD_EFFECT = VALID.replace('"Allow"', '"allow "');

// A missing comma after `"Allow"`: parsing stops at the `"` opening `"Action"`, line 6,
// column 7 (six spaces of indentation before it).
export const MISSING_COMMA = `{
  "Version": "1",
  "Statement": [
    {
      "Effect": "Allow"
      "Action": "oss:GetObject",
      "Resource": "*"
    }
  ]
}
`;

// Characters outside ASCII before the finding on the same line: `读取日志` is 12 bytes and
// 4 UTF-16 units, `😀` 4 bytes and 2 units. The page must select by UTF-16 index.
export const WIDE_CHARACTERS = `{
  "Version": "1",
  "Statement": [
    {
      "Sid": "读取日志😀", "Effect": "allow ",
      "Action": "oss:GetObject",
      "Resource": "acs:oss:*:*:example-bucket/*"
    }
  ]
}
`;

// Several severities at once, for the screenshots.
export const SEVERAL = `{
  "Version": "1",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "*",
      "Resource": "*"
    },
    {
      "Effect": "allow ",
      "Action": ["oss:GetObject", "oss:GetObject"],
      "Resource": "acs:oss:*:*:my-bucket/*"
    }
  ]
}
`;

// A role's trust policy: has a Principal, so the page guesses "trust".
export const TRUST = `{
  "Version": "1",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "sts:AssumeRole",
      "Principal": { "Service": ["ecs.aliyuncs.com"] }
    }
  ]
}
`;
