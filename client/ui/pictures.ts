import alone from 'openmoji/color/svg/1F464.svg?url'
import angry from 'openmoji/color/svg/1F620.svg?url'
import build from 'openmoji/color/svg/1F9F1.svg?url'
import calm from 'openmoji/color/svg/1F60C.svg?url'
import draw from 'openmoji/color/svg/1F58D.svg?url'
import family from 'openmoji/color/svg/1F46A.svg?url'
import fight from 'openmoji/color/svg/1F5EF.svg?url'
import food from 'openmoji/color/svg/1F355.svg?url'
import friends from 'openmoji/color/svg/1F9D1-200D-1F91D-200D-1F9D1.svg?url'
import happy from 'openmoji/color/svg/1F60A.svg?url'
import heart from 'openmoji/color/svg/2764.svg?url'
import help from 'openmoji/color/svg/1F91D.svg?url'
import home from 'openmoji/color/svg/1F3E0.svg?url'
import laugh from 'openmoji/color/svg/1F604.svg?url'
import music from 'openmoji/color/svg/1F3B5.svg?url'
import pet from 'openmoji/color/svg/1F415.svg?url'
import play from 'openmoji/color/svg/1F9F8.svg?url'
import question from 'openmoji/color/svg/2753.svg?url'
import rain from 'openmoji/color/svg/1F327.svg?url'
import read from 'openmoji/color/svg/1F4D6.svg?url'
import sad from 'openmoji/color/svg/1F622.svg?url'
import school from 'openmoji/color/svg/1F3EB.svg?url'
import scared from 'openmoji/color/svg/1F628.svg?url'
import sleep from 'openmoji/color/svg/1F634.svg?url'
import sport from 'openmoji/color/svg/26BD.svg?url'
import star from 'openmoji/color/svg/2B50.svg?url'
import sun from 'openmoji/color/svg/2600.svg?url'
import travel from 'openmoji/color/svg/2708.svg?url'
import worry from 'openmoji/color/svg/1F61F.svg?url'
// Stoplicht, Mijn netwerk, Mijn kamer (issue 3)
import bed from 'openmoji/color/svg/1F6CF.svg?url'
import carer from 'openmoji/color/svg/1F9D1-200D-2695-FE0F.svg?url'
import eyes from 'openmoji/color/svg/1F440.svg?url'
import house from 'openmoji/color/svg/1F3E1.svg?url'
import houses from 'openmoji/color/svg/1F3D8.svg?url'
import light from 'openmoji/color/svg/1F4A1.svg?url'
import club from 'openmoji/color/svg/1F3DF.svg?url'
import phone from 'openmoji/color/svg/1F4F1.svg?url'
import tired from 'openmoji/color/svg/1F62A.svg?url'

/**
 * The picture set: OpenMoji (CC BY-SA 4.0, credited in the README), bundled with the app so every
 * device shows the same picture and no request leaves our origin. Labels: common:pictures.<id>.
 */
export const PICTURES: Record<string, string> = {
  alone,
  angry,
  build,
  calm,
  draw,
  family,
  fight,
  food,
  friends,
  happy,
  heart,
  help,
  home,
  laugh,
  music,
  pet,
  play,
  question,
  rain,
  read,
  sad,
  school,
  scared,
  sleep,
  sport,
  star,
  sun,
  travel,
  worry,
  bed,
  carer,
  eyes,
  house,
  houses,
  light,
  club,
  phone,
  tired,
}

export const pictureUrl = (id: string): string | undefined => PICTURES[id]
