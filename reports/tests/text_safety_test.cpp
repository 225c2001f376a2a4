// Any bytes become legal XML and valid UTF-8, visibly.
#include "reports/text_safety.h"

#include <gtest/gtest.h>

namespace dextqual::reports {
namespace {

TEST(TextSafety, RepairsInvalidUtf8) {
  EXPECT_EQ(repair_utf8("ok \xc3\xa9"), "ok \xc3\xa9");
  EXPECT_EQ(repair_utf8("a\xff"
                        "b"),
            "a\xEF\xBF\xBD"
            "b");
  EXPECT_EQ(repair_utf8("\xc0\xaf"), "\xEF\xBF\xBD\xEF\xBF\xBD");                  // overlong '/'
  EXPECT_EQ(repair_utf8("\xed\xa0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // surrogate
  EXPECT_EQ(repair_utf8("end\xe2\x82"), "end\xEF\xBF\xBD\xEF\xBF\xBD");            // truncated
  EXPECT_EQ(repair_utf8("\xf0\x9f\x98\x80"), "\xf0\x9f\x98\x80");
}

TEST(TextSafety, ControlCharactersBecomeVisible) {
  EXPECT_EQ(xml_safe(std::string("a\x01"
                                 "b\tc\nd\x1b[0m",
                                 11)),
            "a\\x01b\tc\nd\\x1B[0m");
  EXPECT_EQ(xml_safe(std::string("nul\0!", 5)), "nul\\x00!");
  EXPECT_EQ(xml_safe("\xef\xbf\xbe"), "\\uFFFE");
}

TEST(TextSafety, HeadAndTailKeepsBothEndsAndNamesTheLog) {
  const std::string text = std::string(100, 'a') + std::string(100, 'b');
  const auto cut = head_and_tail(text, 20, "logs/x.log");
  EXPECT_TRUE(cut.starts_with("aaaaaaaaaa\n[... 180 bytes left out; the whole log is logs/x.log ...]\n"));
  EXPECT_TRUE(cut.ends_with("bbbbbbbbbb"));
  EXPECT_EQ(head_and_tail("short", 20), "short");
}

TEST(TextSafety, HeadAndTailNeverSplitsACharacter) {
  std::string text;
  for (int i = 0; i < 50; ++i) text += "\xc3\xa9";  // é
  EXPECT_EQ(repair_utf8(head_and_tail(text, 11)), head_and_tail(text, 11));
}

TEST(TextSafety, FirstLine) {
  EXPECT_EQ(first_line("\n  one\ntwo"), "one");
  EXPECT_EQ(first_line(std::string(300, 'x'), 10), "xxxxxxx...");
  EXPECT_EQ(first_line(""), "");
}

}  // namespace
}  // namespace dextqual::reports
