package io.github.weeklyarchive.screening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.weeklyarchive.report.Problem;
import io.github.weeklyarchive.testing.Sample;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScreenerTest {

    private static final ScreeningRules RULES = ScreeningRules.parse("jbake.properties", "",
            ScreeningRules.DEFAULT_INTERNAL_HOSTS + " *.ke-internal.com", 0).rules();

    private static String planted() throws IOException {
        try (InputStream in = ScreenerTest.class.getResourceAsStream("/screening/planted.md")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<String> found(String text) {
        return Screener.find(text, RULES).stream().map(f -> f.line() + ":" + f.column() + " " + f.kind().configName() + " " + f.text()).toList();
    }

    @Test
    void aPasswordIsFoundWhateverTheCaseOfItsWordAndWhereverItStands() {
        for (String line : List.of("PassWord=Tr0ub4dor", "库 PASSWD = Tr0ub4dor", "x passphrase=Tr0ub4dor", "配置 Password=Tr0ub4dor",
                "账号 密码=Tr0ub4dor", "口令：Tr0ub4dor")) {
            String text = "# 第09周 2023-02-24\n\n- 成功率：99.98%\n- " + line + "\n";
            assertEquals(1, found(text).stream().filter(f -> f.contains(" password ")).count(), line + ": " + found(text));
        }
        assertFalse(Screener.mayNameAPassword("- 成功率：99.98%，pas sword, 密 码, passes"), "no word that begins a password");
    }

    @Test
    void findsOnePlantedItemOfEachKindAtItsLineAndColumn() throws IOException {
        assertEquals(List.of(
                "5:9 mobile 13812345678",
                "5:24 mobile +86 139-1234-5678",
                "6:9 id-number 11010519491231002X",
                "7:8 bank-card 6222021234567890128",
                "7:32 bank-card 4111 1111 1111 1111",
                "8:9 email zhang.san@ke.com",
                "9:8 private-ip 10.23.4.5",
                "9:26 private-ip 192.168.10.20",
                "10:8 internal-host pay-db01.corp",
                "10:24 internal-host ledger.pay.ke-internal.com",
                "11:8 secret AKIAIOSFODNN7EXAMPLE",
                "11:31 secret ghp_abcdefghijklmnopqrstuvwxyz0123456789",
                "12:36 password password=Pa55word!",
                "13:3 password 口令：Tr0ub4dor",
                "16:1 private-key -----BEGIN RSA PRIVATE KEY-----"),
                found(planted()));
    }

    @Test
    void messagesSayWhereWhatAndWhatToDoWithoutRepeatingTheValue() throws IOException {
        List<Problem> problems = Screener.screen("content/2023/w10.md", planted(), RULES);
        assertEquals(15, problems.size());
        assertEquals("content/2023/w10.md:5:9: error: a mainland mobile number (138******78) must not be published; remove it, "
                + "move it into a <!-- private --> block, or accept it with <!-- check: allow mobile --> on the line or "
                + "check.allow=mobile in jbake.properties", problems.get(0).toString());
        String all = problems.toString();
        for (String secret : List.of("13812345678", "11010519491231002X", "6222021234567890128", "zhang.san", "Pa55word", "Tr0ub4dor",
                "AKIAIOSFODNN7EXAMPLE", "ghp_abcdefghijklmnopqrstuvwxyz0123456789")) {
            assertFalse(all.contains(secret), secret + " is repeated in " + all);
        }
        assertTrue(all.contains("(z***@ke.com)") && all.contains("(password=***)") && all.contains("(10.23.4.5)"), all);
    }

    @Test
    void noFalseAlarmOnTheSampleNorOnOrdinaryNumbers() {
        assertEquals(List.of(), found(Sample.text()), "the sample talks about 身份证 and 手机号 without containing any");
        assertEquals(List.of(), found("""
                - 订单量 13812345 笔，金额 1,381,234,567.89 元，较上周 +12.5%，任务完成占比83%（69/84）
                - 2023-02-24 19:29:01 版本 v10.23.4.5 和 1.13.812345678 发布，时间戳 1677237541000，单号 20230224192901123456
                - 文章 [链接](https://zhuanlan.zhihu.com/p/19666592841)，工单 https://example.com/e/tickets-17213665537?node=17051031011
                - 作者 @13068240601 和 @rustlang@mastodon.social，git@github.com:org/repo.git，logo@2x.png，someone@example.com
                - 补丁 https://lore.kernel.org/linux-riscv/cover.1746811744.git.name@gmail.com/
                - VPC 网段 10.0.0.0/16，SQL `set password = pwd;`，密码：已重置，password=*** 和 password=$DB_PASSWORD
                - 流水号 6222021234567890 与 Luhn 不符，19 位 4111111111111111111 也不符
                """));
    }

    @Test
    void privateBlocksAreNotScreenedAndTheRestKeepsItsColumns() {
        String text = "# 第10周 2023-03-03\n\n- 负责人 <!-- private -->手机 13800000000<!-- /private --> 邮箱 li@ke.com\n";
        assertEquals(List.of("3:58 email li@ke.com"), found(io.github.weeklyarchive.report.PrivateBlocks.blank("a.md", text).text()));
        List<Problem> problems = Screener.screen("a.md", text, RULES);
        assertEquals(1, problems.size());
        assertEquals(3, problems.get(0).line());
        assertEquals(58, problems.get(0).column(), "the column in the file as written, private block included");
        assertFalse(problems.toString().contains("138"));
    }

    @Test
    void aLineOrTheSiteAcceptsWhatIsMeant() {
        String text = """
                - 客服邮箱 help@ke.com <!-- check: allow pii -->
                - 对接人 zhang@ke.com，手机 13812345678 <!-- check: allow email -->
                - 网关 10.1.2.3 <!-- check: allow e-mail -->
                """;
        List<Problem> problems = Screener.screen("a.md", text, RULES);
        assertEquals(List.of("a.md:2:23: error: a mainland mobile number", "a.md:3:15: error: check: allow e-mail names no kind",
                "a.md:3:6: error: a private IPv4 address"), problems.stream().map(p -> p.toString().replaceFirst("( \\(| of finding).*", "")).toList());

        ScreeningRules site = ScreeningRules.parse("jbake.properties", "email:*@ke.com private-ip:10.1.*", "", 3).rules();
        assertEquals(List.of("a.md:2:23"), Screener.screen("a.md", text.replace("<!-- check: allow e-mail -->", ""), site).stream()
                .map(p -> p.path() + ":" + p.line() + ":" + p.column()).toList());
        assertEquals(List.of(), Screener.screen("a.md", "mail wang@ke.com 13812345678", ScreeningRules.parse("x", "pii", "", 1).rules()));
    }

    @Test
    void manyFindingsOfOneKindEndWithHowToAcceptThemAll() {
        // This Week in Rust prints its contact address in every issue: 797 errors should end with the one line that accepts them.
        List<Problem> problems = new java.util.ArrayList<>();
        for (int week = 1; week <= Screener.MANY; week++) {
            problems.addAll(Screener.screen("content/issue-" + week + ".md", "Email us at community-team@rust-lang.org.\n", RULES));
        }
        problems.addAll(Screener.screen("content/issue-99.md", "手机 13812345678\n", RULES));
        assertEquals(List.of("note: " + Screener.MANY + " findings of the kind email; if the archive publishes them on purpose, the line "
                + "check.allow=email in jbake.properties accepts them all (see \"What must not be published\" in the README)"),
                Screener.advice(problems), "one note, for the kind found many times only");
        assertEquals(List.of(), Screener.advice(problems.subList(0, Screener.MANY - 1)));
    }

    @Test
    void anUnknownKindInTheSettingsIsAnErrorAtItsLine() {
        ScreeningRules.Loaded loaded = ScreeningRules.parse("jbake.properties", "email emails:*@x.org", "", 7);
        assertEquals(List.of("jbake.properties:7: error: check.allow: 'emails:*@x.org' names no kind of finding; write one of "
                + "mobile, id-number, bank-card, email, private-ip, internal-host, secret, private-key, password (or pii for all), "
                + "optionally with a pattern: email:*@example.org"), loaded.problems().stream().map(Problem::toString).toList());
        assertEquals(1, loaded.rules().allowed().size());
    }

    @Test
    void checkDigitsAreChecked() {
        assertTrue(Screener.isIdNumber("11010519491231002X"));
        assertFalse(Screener.isIdNumber("110105194912310021"), "wrong check character");
        assertFalse(Screener.isIdNumber("110105194913310028"), "no 13th month");
        assertTrue(Screener.isCardNumber("6222021234567890128"));
        assertFalse(Screener.isCardNumber("6222021234567890127"));
        assertFalse(Screener.isCardNumber("1677237541000"), "a time stamp: no card issuer starts with 1");
    }

    @Test
    void longRunsOfAnythingAreScreenedInLinearTime() {
        // A backtracking pattern would not finish on these; every pattern here looks at each character a bounded number of times.
        for (String run : List.of("a.", "1", "a@", "-", "1.", "eyJa")) {
            String text = run.repeat(200_000);
            assertEquals(List.of(), Screener.find(text, RULES), run);
        }
    }
}
