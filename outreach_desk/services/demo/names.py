"""Word lists and name patterns for the synthetic demo data (plausible Chinese place and unit names).

Names are drawn from shuffled pools of word combinations, so they are unique where the store
requires it (townships, villages per township, sites per village) and read like real places.
This is demo *data*, not user-interface text, so it is not translated.
"""

from __future__ import annotations

import random
from itertools import product

SURNAMES = "张王李赵刘陈杨黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程魏苏吕丁任沈姚卢"
SETTLEMENTS = "庄湾坝岭沟河桥店寨屯营坡冲洼岗埠"
DIRECTIONS = "东西南北上下前后大小新老中高"
LANDFORMS = "山河湾岭坪塘坝桥沟林湖岗源溪田峪"
AUSPICIOUS = (
    "太平 幸福 和平 新民 红旗 永安 长乐 东风 建设 胜利 团结 光明 丰收 前进 兴隆 富民 永丰 长青 向阳 金星 "
    "新华 民主 五星 跃进 联合 友谊 双喜 吉祥 安乐 福田 高峰 龙泉 石门 白果 桃园 杏花 柳树 松林 竹园 枣林"
).split()
STREETS = "新华 人民 解放 建设 中山 胜利 文化 朝阳 健康 和平 光明 青年 团结 民主 友谊 长江 黄河 东风 红旗 迎宾".split()
STREET_SUFFIXES = ("路", "街")
COMMUNITY_WORDS = (
    "锦绣 幸福 阳光 和谐 滨河 翠苑 金桥 花园 桂园 梅园 兰苑 丽景 康乐 安居 宜居 紫荆 凤凰 玉泉 清水 府前 "
    "学府 商贸 育才 春晖 鼓楼 站前 江滨 湖滨 园林 城东 城西 城南 城北 城中"
).split()
TOWNSHIP_STEMS = (
    "平安 青山 白沙 龙泉 石桥 清河 新店 黄土 柳林 马坊 桃源 长岭 金鸡 凤凰 云台 双河 三合 古城 永丰 大营 "
    "杨柳 枫林 梅花 高桥 城关 南湖 北岗 西岭 东湖 安乐"
).split()
ESTATE_WORDS = (
    "锦绣 阳光 金色 翠湖 碧水 丽都 华府 御景 东方 滨江 紫薇 桂花 幸福 和谐 书香 名都 盛世 金域 怡景 绿洲 "
    "凯旋 嘉禾 瑞祥 康城 欣苑 明珠 天悦 江南 香樟 银杏"
).split()
ESTATE_SUFFIXES = ("小区", "花园", "家园", "苑", "公寓", "佳园", "新城", "雅居")
FIRM_WORDS = (
    "红星 宏达 鑫源 金瑞 华宇 永盛 恒通 兴旺 东方 天成 利民 长城 三元 富强 顺发 隆昌 华丰 同兴 万通 瑞丰 "
    "汇鑫 金鼎 宏发 新兴 泰和 众诚 广源 鸿运 嘉信 益丰"
).split()
INDUSTRIES = (
    "纺织 机械 食品 电子 服装 建材 塑料 家具 印刷 五金 制衣 包装 木业 陶瓷 农机 茶叶 酿酒 米业 饲料 砖瓦"
).split()
FIRM_SUFFIXES = ("厂", "有限公司")


class NamePool:
    """Hands out names from a shuffled list without repeats; falls back to numbered names when empty."""

    def __init__(self, rng: random.Random, names, taken=()):
        taken = set(taken)
        self._names = [n for n in dict.fromkeys(names) if n not in taken]
        rng.shuffle(self._names)
        self._used = set(taken)
        self._fallback = 0

    def take(self) -> str:
        while self._names:
            name = self._names.pop()
            if name not in self._used:
                self._used.add(name)
                return name
        self._fallback += 1
        return f"新{self._fallback}"

    def reserve(self, name: str) -> str:
        """Mark a name built elsewhere as used so the pool never hands it out again."""
        self._used.add(name)
        return name


def township_stems(rng: random.Random, taken_names) -> NamePool:
    taken_stems = {n[:-1] for n in taken_names}
    return NamePool(rng, TOWNSHIP_STEMS, taken_stems)


def village_stem_pools(rng: random.Random) -> list[NamePool]:
    """Three styles of rural village stem: clan settlements, landform names, auspicious names."""
    return [
        NamePool(rng, (f"{s}家{p}" for s, p in product(SURNAMES, SETTLEMENTS))),
        NamePool(rng, (f"{d}{land}" for d, land in product(DIRECTIONS, LANDFORMS))),
        NamePool(rng, AUSPICIOUS),
    ]


def community_stem_pool(rng: random.Random) -> NamePool:
    streets = (f"{s}{x}" for s, x in product(STREETS, STREET_SUFFIXES))
    return NamePool(rng, [*COMMUNITY_WORDS, *streets])


def estate_pool(rng: random.Random) -> NamePool:
    return NamePool(rng, (f"{w}{s}" for w, s in product(ESTATE_WORDS, ESTATE_SUFFIXES)))


def firm_pool(rng: random.Random) -> NamePool:
    return NamePool(rng, (f"{w}{i}{s}" for w, i, s in product(FIRM_WORDS, INDUSTRIES, FIRM_SUFFIXES)))


# Member units of a township: role -> (name pattern, duties). {t} is the township's full name.
MEMBER_UNITS = {
    "police": ("{t}派出所", "牵头开展防范电信网络诈骗宣传，提供典型案例和宣传资料，组织民警进村入户宣讲，"
                            "及时通报辖区发案情况。"),
    "judicial": ("{t}司法所", "结合普法宣传开展反诈宣讲，参与入户走访，在矛盾纠纷排查中提示诈骗风险。"),
    "market": ("{t}市场监管分局", "督促辖区市场、商户张贴宣传海报，在集贸市场设立防范知识宣传点，"
                                  "查处虚假宣传保健品。"),
    "credit_coop": ("{t}农村信用社", "营业网点LED屏滚动播放防诈提示，柜面提醒大额转账客户，发放宣传资料。"),
    "telecom": ("中国电信{t}营业厅", "向辖区用户推送防诈短信，营业厅张贴海报、播放宣传片。"),
    "mobile": ("中国移动{t}营业厅", "向辖区用户推送防诈短信，营业厅张贴海报、播放宣传片。"),
    "unicom": ("中国联通{t}营业厅", "向辖区用户推送防诈短信，营业厅张贴海报、播放宣传片。"),
    "culture": ("{t}文广站", "利用广播、微信公众号和文艺演出开展宣传，组织文艺活动和有奖知识问答。"),
    "education": ("{t}教育管理服务中心", "组织各校开展主题班会，发放《致全体学生及家长的一封信》并回收签名，"
                                        "指导学校办好宣传栏。"),
}

# Outlets in a township's seat: (name pattern, role of the member unit that runs it).
SEAT_OUTLETS = (
    ("{t}农村信用社营业部", "credit_coop"),
    ("中国电信{t}营业厅", "telecom"),
    ("中国移动{t}营业厅", "mobile"),
    ("中国联通{t}营业厅", "unicom"),
    ("邮政储蓄银行{t}营业所", ""),
)
# Outlets elsewhere: {v} is the village or community stem.
LOCAL_OUTLETS = (
    ("{v}信用社", "credit_coop"),
    ("中国移动{v}营业厅", "mobile"),
    ("中国电信{v}营业厅", "telecom"),
    ("{v}邮政所", ""),
)
VILLAGE_OUTLETS = (
    ("{v}信用社代办点", "credit_coop"),
    ("{v}移动代办点", "mobile"),
)

# Place notes by where the activity happened (site kind, or village/community without a site).
PLACE_NOTES = {
    "residential_block": ("小区大门", "单元出入口", "电梯间", "物业服务中心", "小区广场", "楼道公示栏"),
    "factory": ("厂区大门", "职工食堂", "车间休息区", "职工宿舍", "厂区宣传栏"),
    "school": ("教学楼前", "学校操场", "各班教室", "校门口", "多功能厅"),
    "market": ("市场入口", "摊位区", "市场管理处", "集市主街"),
    "business_outlet": ("营业大厅", "门口电子屏", "柜台", "自助服务区"),
    "public_place": ("广场中央", "十字路口", "候车厅", "公园步道", "路口宣传牌"),
    "other": ("会议室", "服务大厅", "门前空地", "阅览室"),
    "village": ("村委会门口", "村文化广场", "主干道两侧", "村口", "各村民小组", "集市"),
    "community": ("社区服务中心", "社区广场", "居民楼道", "社区宣传栏", "各网格"),
}

# Notes by activity kind; the empty string stands for records a clerk left without notes.
KIND_NOTES = {
    "banner": ("悬挂“防诈骗、不参与”主题横幅", "在主要路口悬挂横幅", "横幅已拍照留存"),
    "poster": ("张贴反诈宣传海报", "每个单元出入口、电梯间各张贴一张", "更换褪色海报"),
    "display_window": ("更新宣传橱窗内容", "展示典型案例图片", "橱窗已拍照留存"),
    "bulletin_board": ("出一期反诈主题板报", "更新宣传栏内容", "由学生会出板报"),
    "column": ("设立公益宣传专栏", "专栏内容每月更新"),
    "info_point": ("设立咨询台，现场解答群众疑问", "结合赶集日设点宣传", "现场演示识别诈骗电话"),
    "led_screen": ("滚动播放防诈提示语", "播放反诈宣传标语", "营业时间全天播放"),
    "lecture": ("邀请派出所民警讲解典型案例", "结合冒充公检法诈骗案例现场讲解", "重点提醒老年人警惕保健品诈骗",
                "讲解刷单返利骗局", "群众反响良好"),
    "cultural_event": ("以小品、快板形式宣传反诈知识", "结合广场舞活动开展宣传", "文艺汇演穿插反诈知识"),
    "prize_quiz": ("现场答题赠送纪念品", "线上线下同步答题", "答对三题以上发放小礼品"),
    "leaflet": ("发放宣传单和宣传手册", "逐户发放宣传资料", "在集市发放宣传单", "向老年人重点讲解"),
    "parent_letter": ("发放《致全体学生及家长的一封信》", "回执已收回存档", "班主任负责回收签名"),
    "class_meeting": ("召开反诈主题班会", "观看反诈宣传片后讨论", "学生分享身边案例"),
    "sms_push": ("向辖区用户推送防诈短信", "推送预警短信"),
    "wechat_push": ("在村（居）民微信群转发反诈文章", "公众号推送反诈知识", "转发国家反诈中心APP下载提示"),
    "broadcast": ("大喇叭每日早晚各播放一次", "循环播放防诈音频", "广播站专题节目"),
    "home_visit": ("入户发放宣传资料并讲解", "做到不漏户、不漏人", "重点走访独居老人",
                   "提醒安装国家反诈中心APP"),
}
