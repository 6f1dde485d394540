import registerJson from '../../data/police-areas.json';
import { policeAreaRegisterSchema, type PoliceAreaRegister } from '../domain/policeAreas';

/** The shipped register of police areas, checked once when first read (the data is ours, so a bad file is a build error). */
let register: PoliceAreaRegister | null = null;
export function shippedPoliceAreas(): PoliceAreaRegister {
  register ??= policeAreaRegisterSchema.parse(registerJson);
  return register;
}
