import {
  canonicalRequest,
  sha256Hex,
  sign,
  SIGNATURE_METHOD,
  SIGNED_HEADERS,
  stringToSign,
} from "../../../sdk/signing/signer";

/**
 * Golden vectors from the reference (§2.2): vector 1 is the official documentation example,
 * vectors 2–4 come from augusl/zenlayercloud-sdk-laravel tests/Unit/SignerTest.php, vector 5 was
 * derived for a vNIC call. Expected hashes and signatures are literal so any drift fails here.
 */
interface Vector {
  readonly name: string;
  readonly host: string;
  readonly contentType: string;
  readonly body: string;
  readonly timestamp: number;
  readonly accessKeyId: string;
  readonly accessKeyPassword: string;
  readonly payloadHash: string;
  readonly canonicalHash?: string;
  readonly signature: string;
}

const VECTORS: readonly Vector[] = [
  {
    name: "1: official docs example",
    host: "console.zenlayer.com",
    contentType: "application/json; charset=utf-8",
    body: '{"pageSize":10,"pageNum":1,"zoneId":"HKG-A"}',
    timestamp: 1673361177,
    accessKeyId: "0D9UtpyKYcHxms5v",
    accessKeyPassword: "Gu5t9xGARNpq86cd98joQYCN3",
    payloadHash: "5f714687ba91c606d503467766151206392474accd137ffea6dce2420b67c29a",
    canonicalHash: "29396f9dfa0f03820b931e8aa06e20cda197e73285ebd76aceb83f7dede493ee",
    signature: "efb356c32e55c781e10dc676da59462c22596d82e91c57803666243379555b2f",
  },
  {
    name: "2: empty JSON object",
    host: "console.zenlayer.com",
    contentType: "application/json",
    body: "{}",
    timestamp: 1700000000,
    accessKeyId: "AKIDtest-key-id-0001",
    accessKeyPassword: "ZL-SECRET-PWD-deadbeef-1234",
    payloadHash: "44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a",
    signature: "2b3f42e101002bafea1f414aa9c7fe8a13d52a3fa27d92a3f338b22685ec7884",
  },
  {
    name: "3: UTF-8 in body and key, custom host",
    host: "api.example.zenlayer.local",
    contentType: "application/json",
    body: '{"instanceName":"测试-实例-001","comment":"Includes / and = chars"}',
    timestamp: 1731234567,
    accessKeyId: "AKID-unicode",
    accessKeyPassword: "pwd-unicode-中文-9999",
    payloadHash: "ed8ae2fd7e284d6db3de1b25e89ef86d167db75107b76a5a23fae68a28b2431a",
    signature: "b39884f06e3cbeff6119e96ad89d69085bf986c8a4b7069737f8c0722eb097f8",
  },
  {
    name: "4: 210-byte CreateInstances-style body",
    host: "console.zenlayer.com",
    contentType: "application/json",
    body:
      '{"zoneId":"SEL-A","imageId":"IMG-12345","instanceType":"S8I","instanceCount":2,' +
      '"internetMaxBandwidthOut":100,"instanceChargePrepaid":{"period":12},' +
      '"dataDisks":[{"diskSize":100,"diskCategory":"Basic NVMe SSD"}]}',
    timestamp: 1705501234,
    accessKeyId: "AKID-full-test",
    accessKeyPassword: "longer-secret-here-9876543210",
    payloadHash: "5a1867bd6e5da40be76ceab6cfbc3b959b6f8150f1b14013644b0824fa126f36",
    signature: "a308d57bae86769b7f2c5f9140185033c982a009af7e2644f0ae88794592070e",
  },
  {
    name: "5: derived vNIC attach",
    host: "console.zenlayer.com",
    contentType: "application/json",
    body: '{"nicId":"nic-123","instanceId":"ins-456"}',
    timestamp: 1700000000,
    accessKeyId: "AKIDEXAMPLE",
    accessKeyPassword: "SECRETEXAMPLE",
    payloadHash: "96e19568003f74b07e1b59bb98e35ef5986bd2b898de1538835afb08dee7fbb7",
    canonicalHash: "213bd6dde20038e57aa006597cfd00cafa7a56aead4948abc0c16c838ae517be",
    signature: "eccbdca5a67c017779512c820974593d67efdd5aa5f98cdde3d80f0f2d0bd747",
  },
];

describe.each(VECTORS)("signature vector $name", (vector) => {
  it("hashes the payload", () => {
    expect(sha256Hex(vector.body)).toBe(vector.payloadHash);
  });

  it("builds the canonical request", () => {
    const canonical = canonicalRequest(vector.host, vector.contentType, vector.body);
    expect(canonical).toBe(
      `POST\n/\n\ncontent-type:${vector.contentType}\nhost:${vector.host}\n\ncontent-type;host\n${vector.payloadHash}`,
    );
    if (vector.canonicalHash !== undefined) expect(sha256Hex(canonical)).toBe(vector.canonicalHash);
  });

  it("signs and builds the Authorization header", () => {
    const result = sign(vector);
    expect(result.signature).toBe(vector.signature);
    expect(result.authorization).toBe(
      `ZC2-HMAC-SHA256 Credential=${vector.accessKeyId}, SignedHeaders=content-type;host, Signature=${vector.signature}`,
    );
  });

  it("gives the same signature for the body as bytes and for a string timestamp", () => {
    const bytes = sign({
      ...vector,
      body: Buffer.from(vector.body, "utf8"),
      timestamp: String(vector.timestamp),
    });
    expect(bytes.signature).toBe(vector.signature);
  });
});

describe("signer details", () => {
  it("uses the documented constants", () => {
    expect(SIGNATURE_METHOD).toBe("ZC2-HMAC-SHA256");
    expect(SIGNED_HEADERS).toBe("content-type;host");
  });

  it("vector 4's body is the 210 bytes the source describes", () => {
    expect(Buffer.byteLength(VECTORS[3]?.body ?? "", "utf8")).toBe(210);
  });

  it("puts the timestamp and canonical hash into the string to sign", () => {
    expect(stringToSign(1700000000, "x")).toBe(`ZC2-HMAC-SHA256\n1700000000\n${sha256Hex("x")}`);
  });

  it("changes the signature when the host port or timestamp changes", () => {
    const base = VECTORS[4];
    if (base === undefined) throw new Error("missing vector");
    expect(sign({ ...base, host: "console.zenlayer.com:443" }).signature).not.toBe(base.signature);
    expect(sign({ ...base, timestamp: base.timestamp + 1 }).signature).not.toBe(base.signature);
  });
});
