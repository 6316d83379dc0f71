"""Han characters Chinese spells foreign names with, by their Mandarin reading.

Read by :mod:`stream.events.features` (names guessed from Chinese text, spelt in pinyin) and by
:mod:`stream.places.geotag` (a place name glued to more of these characters is part of a longer
foreign name: 尼斯, Nice, inside 傑尼斯, Denys).
"""

from __future__ import annotations

__all__ = ["HAN_SYLLABLES", "NAME_CHARACTERS"]

# Han characters that Chinese uses to spell foreign names (the Xinhua transliteration table's usual ones,
# simplified and traditional), by their Mandarin reading (first reading, tones dropped, from pypinyin's
# MIT-licensed data, notice in stream/text/NOTICE.md; 什 and 曾 as names read them). A run of two or more of them (普京, 泽连斯基,
# 博索納羅; "·" separates the parts of a name) is read as a name and spelt in pinyin, so it meets the
# Latin, Cyrillic... spellings' keys where the transliterations agree (ze-lian-si-ji and Zelensky do,
# pu-jing and Putin do not). Characters that are mostly common words (因, 聯, 国...) are left out.
# fmt: off
HAN_SYLLABLES: dict[str, str] = {
    "a": "阿", "ai": "埃愛爱艾", "an": "安", "ang": "昂", "ao": "奥奧", "ba": "巴", "bai": "拜", "ban": "班", "bang": "邦",
    "bao": "保鮑鲍", "bei": "貝贝", "ben": "本", "bi": "彼比毕畢", "bin": "宾賓", "bo": "伯博波", "bu": "布", "cha": "察查", "ci": "茨",
    "da": "达達", "dai": "戴黛", "dan": "丹", "dao": "道", "de": "德", "deng": "登邓", "di": "蒂迪", "ding": "丁", "dong": "东",
    "du": "杜", "dun": "頓顿", "duo": "多", "e": "厄", "en": "恩", "er": "尔爾耳", "fa": "法", "fan": "凡范", "fei": "菲費费",
    "fen": "芬", "feng": "丰冯豐馮", "fu": "伏夫富弗福芙", "gai": "盖蓋", "gan": "甘", "gang": "冈岡", "ge": "哥戈格", "gen": "根",
    "gong": "貢贡", "gu": "古", "gua": "瓜", "gui": "圭", "ha": "哈", "hai": "海", "han": "汉罕翰", "hao": "豪", "he": "赫",
    "heng": "亨", "hong": "洪", "hou": "侯", "hu": "胡", "hua": "华華", "huai": "怀懷", "huo": "霍", "ji": "吉基",
    "jia": "佳加嘉賈贾", "jian": "简簡", "jie": "傑捷杰", "jin": "津金", "jing": "京", "jiu": "久", "ju": "居", "ka": "卡",
    "kai": "凯", "kan": "坎", "kang": "康", "kao": "考", "ke": "克柯科", "ken": "肯", "kong": "孔", "ku": "库", "kua": "夸",
    "kui": "奎", "kun": "昆", "la": "拉", "lai": "莱萊賴赖", "lan": "兰蘭", "lang": "朗", "lao": "劳勞", "lei": "勒蕾雷",
    "li": "丽利莉裡里麗", "lian": "蓮连", "liang": "良", "lie": "列", "lin": "林琳", "ling": "鈴铃", "long": "隆",
    "lu": "卢吕呂律盧路陆陸魯鲁", "lun": "伦倫", "luo": "洛罗羅", "ma": "玛瑪馬马", "mai": "迈邁麥麦", "man": "曼", "mang": "芒", "mao": "毛茂",
    "mei": "梅", "men": "門门", "meng": "夢孟蒙", "mi": "密弥米", "min": "敏", "ming": "明", "mo": "墨莫默", "mou": "缪",
    "mu": "姆穆", "na": "娜納纳", "nai": "奈", "nan": "南", "nei": "内", "ni": "妮尼", "nie": "涅", "ning": "宁", "niu": "紐纽",
    "nu": "努", "nuo": "諾诺", "ou": "欧歐", "pa": "帕", "pan": "潘", "pang": "庞龐", "pei": "佩", "peng": "彭蓬", "pi": "皮",
    "ping": "平", "po": "珀", "pu": "普", "qi": "奇契琪齊齐", "qia": "恰", "qiao": "乔喬", "qie": "切", "qin": "欽琴钦", "qiu": "丘",
    "qu": "屈", "rang": "讓让", "re": "热", "ru": "茹", "rui": "瑞", "ruo": "若", "sa": "萨薩", "sai": "塞賽赛", "sang": "桑",
    "se": "瑟", "sen": "森", "sha": "沙莎", "shang": "尚", "shao": "紹绍", "she": "舍", "shen": "申", "sheng": "圣聖",
    "shi": "什施", "shu": "舒", "si": "斯", "song": "松", "su": "苏蘇", "suo": "索", "ta": "塔", "tai": "泰", "tan": "坦",
    "tang": "唐汤湯", "tao": "陶", "te": "忒特", "teng": "滕", "ti": "提", "ting": "廷汀", "tu": "图圖", "tuo": "托", "wa": "瓦",
    "wan": "万萬", "wang": "旺", "wei": "威維维薇韋韦", "wen": "文温溫", "weng": "翁", "wo": "沃", "wu": "乌伍武烏", "xi": "希席西錫锡",
    "xia": "夏", "xie": "謝谢", "xin": "欣辛", "xiu": "休修", "ya": "亚亞娅雅", "yang": "扬揚", "ye": "叶耶葉", "yi": "伊依",
    "ying": "英", "you": "尤", "yu": "于", "yue": "約约", "yun": "云雲", "zan": "贊赞", "ze": "泽澤", "zeng": "曾", "zha": "扎",
    "zhan": "詹", "zhe": "哲", "zhen": "珍", "zhu": "朱", "zhuo": "卓", "zi": "兹", "zu": "祖", "zuo": "佐",
}
# fmt: on

#: Every character of :data:`HAN_SYLLABLES`.
NAME_CHARACTERS = frozenset(ch for chars in HAN_SYLLABLES.values() for ch in chars)
