package org.ferrogen.randomness.drbg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Published NIST CAVP vectors for the mechanisms whose .rsp files are not shipped in ../shared. Each runs
 * the CAVP "reseed, no prediction resistance, no additional input" procedure: instantiate(EntropyInput,
 * Nonce, PersonalizationString), reseed(EntropyInputReseed), generate, generate; the second output is
 * compared.
 *
 * <p>Sources (both carry the NIST CAVS drbgvectors values):
 * <ul>
 *   <li>Hash_DRBG SHA-256: cifra's src/testdrbg.c, test_hashdrbg_sha256_vector (github.com/ctz/cifra,
 *       vendored in h2o/picotls), from Hash_DRBG.rsp [SHA-256] PredictionResistance = False.</li>
 *   <li>CTR_DRBG AES-256 use df and HMAC_DRBG SHA-512: github.com/canonical/go-sp800.90a-drbg,
 *       ctr_test.go (commit c89064ac, TestCTRAfterReseed52_AES256_3 and TestCTRAfterReseed54_AES256_0) and
 *       hmac_test.go (commit 07118c48, TestHMACAfterReseed72_SHA512_10 and TestHMACAfterReseed74_SHA512_0),
 *       generated from CTR_DRBG.rsp / HMAC_DRBG.rsp of the CAVP pr_false set.</li>
 * </ul>
 */
class PublishedDrbgVectorsTest {

    @ParameterizedTest(name = "{0} #{index}")
    @CsvSource({
        // Hash_DRBG SHA-256 with personalization string (cifra vector 1)
        "Hash_DRBG/SHA-256, b87bb4de5c148d964fc0cb612d69295671780b4270fe32bf389b6f49488efe13, 27eb37a0c695c4ee3c9b70b7f6b33492, "
            + "52321406ac8a9c266b1f8d811bb871269e5824b59a0234f01d358193523bbb7c, "
            + "7638267f534c4e6ee22cc6ca6ed824fd5d3d387c00b89dd791eb5ac9766385b8, "
            + "de01c061651bab3cef2fc4ea89a56b6e86e74b2e9fd11ed671c97c813778a06a2c1f41b41e754a5257750c6bde9601da9d67d8d9564f4a8538b92516a2dacc496dee257b85393f2a01ad59aa3257f1b6da9566e3706d2d6d4a26e511b0c64d7dc223acb24827178afa43ca8d5a66f983d6929dc61564c4c14fc32d85765a23f7",
        // Hash_DRBG SHA-256 without personalization string (cifra vector 2)
        "Hash_DRBG/SHA-256, 63363377e41e86468deb0ab4a8ed683f6a134e47e014c700454e81e95358a569, 808aa38f2a72a62359915a9f8a04ca68, , "
            + "e62b8a8ee8f141b6980566e3bfe3c04903dad4ac2cdf9f2280010a6739bc83d3, "
            + "04eec63bb231df2c630a1afbe724949d005a587851e1aa795e477347c8b056621c18bddcdd8d99fc5fc2b92053d8cfacfb0bb8831205fad1ddd6c071318a6018f03b73f5ede4d4d071f9de03fd7aea105d9299b8af99aa075bdb4db9aa28c18d174b56ee2a014d098896ff2282c955a81969e069fa8ce007a180183a07dfae17",
        // CTR_DRBG AES-256 use df, no personalization
        "CTR_DRBG/AES-256, 4d53cca2565779f6cf962367bb3793b0fca3feafee09dfd7d3b4d9bf0ba5aafd, 9a51814c357ee87441fe027760931033, , "
            + "da0de5a7a54dc3a6c874d8e5b31c7cd2c6d2b58344321ecfb1f98d42807d6447, "
            + "7274b227d024475d5248cbf56791c9bef918e25e28659e6bcc7d0450e9c25b81c5b6442661d59f972ee9594528979a0d92c14dc93f4adddb03ea48b15dc61cf3",
        // CTR_DRBG AES-256 use df, with personalization
        "CTR_DRBG/AES-256, 4cfb218673346d9d50c922e49b0dfcd090adf04f5c3ba47327dfcd6fa63a785c, 016962a7fd2787a24bf6be47ef3783f1, "
            + "88eeb8e0e83bf3294bdacd6099ebe4bf55ecd9113f71e5ebcb4575f3d6a68a6b, "
            + "b7ec46072363834a1b0133f2c23891db4f11a68651f23e3a8b1fdc03b192c7e7, "
            + "a55180a190bef3adaf28f6b795e9f1f3d6dfa1b27dd0467b0c75f5fa931e971475b27cae03a29654e2f40966ea33643040d1400fe677873af8097c1fe9f00298",
        // HMAC_DRBG SHA-512, no personalization
        "HMAC_DRBG/SHA-512, e9fa53568132a39984db361d15b0e09de226a93a72a48b2207a5aa5c7b1e195a, b4913ebcd2390977eec014963b64c2fb, , "
            + "55a325673663411e25cdc551a44eda909d31bceb3e90c27bbc1330d5b707d383, "
            + "7bb31855d72bc68912b37f0a2565c9b2061a10073a95ba640ed8f655d077e7519d86a1d5185373434e7c10713ebbbaefe12b8912c804d637078bf920a3cb83708c30f7e38184543fa5f3711e60b0bfedc4462593934b578d8b55c6e9074795b2ab2a23676251ed660a6ec797c48b804de2d86be52e820128576505e6f33b640bd081e1bd4b54eb9b9ba6423874230322790ad75c367f657a301c56071d5d1430df377aafa97ec92eb3073858d34755522a15fd3e1af720714c6e74ab3e120183b92a742f507aa9595586a9089dad475f53aefd96a01c9198a4e8ee91f6d071cac65c9626b2e13c8052e895c569865392f998ca281da9e301abbc74d6e69ff28e",
        // HMAC_DRBG SHA-512, with personalization
        "HMAC_DRBG/SHA-512, 29b97c421aea05ea9b1c684a8b91cd04e576a0198831c42a1866824a3462c7a8, 10a7ce396f4bea5227545c1a87d74eb5, "
            + "5e5b96b38fffb929bf3d7440e60e9c38e6eab05fd1e12ab82cb5fd5e6da26ab4, "
            + "246c56510a652fd90ea377fed315d7576a2a230cefdf4f45ae2872b9d9adad3f, "
            + "614667ab1ee75ed7131f2e37da34a9b3924dd8997b35335ffddd67aa3a5dcaec1b6cc9cf32ab0c277f2cb0cca2aec72d663a258308a60caeede43d11d2d7cb811f38677b813175d932790a37449cf28aa6813ac498965f569264c323fa5e120e953488182ec97a32ddcb835c4551f085586f3bc96894b30afd7751e4a690b57afc84195fcb97f8dd905116e6bc38bbaaaa543ed006d028016813819189770382e75b66620bc07376b7895620e2d4446cc29e22a84bad1f7f8711614c7e919d4821b40ddb460488f1add36b40b423fc9cedfe10fe121bee24e20c4f0bb18dbd71c602af0b7a5a15a3eaf3ce44b2e8709015f135dbfd0f76e4b8def775801c0e9e"
    })
    void reseedThenTwoGeneratesGiveThePublishedBits(String name, String entropy, String nonce, String personalization,
                                                    String reseedEntropy, String expected) {
        HexFormat hex = HexFormat.of();
        byte[] expectedBits = hex.parseHex(expected);
        try (Drbg drbg = DrbgMechanism.byName(name).create()) {
            drbg.instantiate(hex.parseHex(entropy), hex.parseHex(nonce),
                    personalization == null ? null : hex.parseHex(personalization));
            drbg.reseed(hex.parseHex(reseedEntropy), null);
            byte[] output = new byte[expectedBits.length];
            drbg.generate(output);
            drbg.generate(output);
            assertThat(hex.formatHex(output)).isEqualTo(expected);
        }
    }
}
